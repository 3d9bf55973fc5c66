using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.CanonicalApi.Problems;
using Gateway.IntegrationTests.CanonicalApi;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Pricing;

[Collection(SharedCanonicalApi.Name)]
public sealed class PriceEndpointTests(CanonicalApiFixture fixture)
{
    static readonly string[] PinnedLineFields = ["sku", "quantity", "unitPrice", "listPrice", "source", "breaks"];

    HttpClient Admin => fixture.Gateway.Admin;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Query(string? customerId, IEnumerable<string> skus, int? quantity = null) =>
        "v1/prices?" + string.Join('&', new[]
        {
            customerId is null ? null : "customerId=" + Uri.EscapeDataString(customerId),
            quantity is null ? null : "quantity=" + quantity.Value.ToString(CultureInfo.InvariantCulture),
        }.Concat(skus.Select(s => "sku=" + Uri.EscapeDataString(s))).OfType<string>());

    [Fact]
    public async Task Prices_come_in_the_customers_currency_with_the_pinned_fields()
    {
        var customer = fixture.Sample.Customers[2].CustomerId;
        var skus = fixture.Sample.Skus.Take(10).ToArray();
        var account = await Admin.GetFromJsonAsync<JsonElement>($"v1/customers/{customer}", Ct);

        var prices = await Admin.GetFromJsonAsync<JsonElement>(Query(customer, skus), Ct);

        Assert.Equal(customer, prices.GetProperty("customerId").GetString());
        Assert.Equal(account.GetProperty("currency").GetString(), prices.GetProperty("currency").GetString());
        var items = prices.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(skus, items.Select(i => i.GetProperty("sku").GetString()));
        foreach (var field in PinnedLineFields)
        {
            Assert.All(items, i => Assert.True(i.TryGetProperty(field, out _), $"missing {field}"));
        }

        Assert.All(items, i => Assert.Equal(1, i.GetProperty("quantity").GetInt32()));
        Assert.Empty(prices.GetProperty("missing").EnumerateArray());
    }

    [Fact]
    public async Task The_sample_has_customers_in_both_currencies()
    {
        var currencies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var customer in fixture.Sample.Customers.Take(20))
        {
            var prices = await Admin.GetFromJsonAsync<JsonElement>(Query(customer.CustomerId, [fixture.Sample.Skus[0]]), Ct);
            currencies.Add(prices.GetProperty("currency").GetString()!);
        }

        Assert.Equal(["CAD", "USD"], currencies.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Contract_skus_are_priced_by_the_contract_and_the_others_by_list_or_promotion()
    {
        var customer = fixture.Sample.Customers.First(c => c.ContractSkus.Count >= 3);
        var contract = customer.ContractSkus.Take(50).ToHashSet(StringComparer.Ordinal);
        var others = fixture.Sample.Skus.Where(s => !customer.ContractSkus.Contains(s)).Take(100).ToArray();

        var prices = await Admin.GetFromJsonAsync<JsonElement>(Query(customer.CustomerId, [.. contract, .. others]), Ct);

        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in prices.GetProperty("items").EnumerateArray())
        {
            var source = line.GetProperty("source").GetString()!;
            sources.Add(source);
            var unit = line.GetProperty("unitPrice").GetDecimal();
            var list = line.GetProperty("listPrice").GetDecimal();
            if (contract.Contains(line.GetProperty("sku").GetString()!))
            {
                Assert.Equal("contract", source);
            }
            else if (source == "promotion")
            {
                Assert.True(unit < list, "a promotion wins only when it is below the list price");
            }
            else
            {
                Assert.Equal("list", source);
                Assert.Equal(list, unit);
            }
        }

        Assert.Equal(["contract", "list", "promotion"], sources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_quantity_reaching_a_break_pays_that_breaks_price()
    {
        var customer = fixture.Sample.Customers[4].CustomerId;
        var skus = fixture.Sample.Skus.Skip(100).Take(100).ToArray();
        var atOne = await Admin.GetFromJsonAsync<JsonElement>(Query(customer, skus), Ct);
        var line = atOne.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("source").GetString() == "list" && i.GetProperty("breaks").GetArrayLength() > 1);
        var top = line.GetProperty("breaks").EnumerateArray().Last();
        var quantity = top.GetProperty("minQuantity").GetInt32();

        var atBreak = await Admin.GetFromJsonAsync<JsonElement>(Query(customer, [line.GetProperty("sku").GetString()!], quantity), Ct);

        var priced = atBreak.GetProperty("items")[0];
        Assert.Equal(quantity, priced.GetProperty("quantity").GetInt32());
        Assert.Equal(top.GetProperty("unitPrice").GetDecimal(), priced.GetProperty("listPrice").GetDecimal());
        Assert.True(priced.GetProperty("unitPrice").GetDecimal() < line.GetProperty("unitPrice").GetDecimal());
    }

    [Fact]
    public async Task A_storefront_gets_its_own_customers_prices_without_naming_it()
    {
        var own = fixture.Sample.Customers[6].CustomerId;
        var storefront = fixture.Gateway.ClientFor(TestTokens.Storefront(own, "pricing:read"));

        var prices = await storefront.GetFromJsonAsync<JsonElement>(Query(null, [fixture.Sample.Skus[1]]), Ct);

        Assert.Equal(own, prices.GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task Unknown_skus_do_not_fail_the_batch_and_are_listed_as_missing()
    {
        var customer = fixture.Sample.Customers[7].CustomerId;
        string[] skus = [fixture.Sample.Skus[10], "NO-SUCH-SKU", fixture.Sample.Skus[11]];

        var prices = await Admin.GetFromJsonAsync<JsonElement>(Query(customer, skus), Ct);

        Assert.Equal([skus[0], skus[2]], prices.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
        Assert.Equal(["NO-SUCH-SKU"], prices.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("1000001")]
    public async Task Invalid_quantity_is_a_400_naming_quantity(string quantity)
    {
        var path = Query(fixture.Sample.Customers[0].CustomerId, [fixture.Sample.Skus[0]]) + "&quantity=" + quantity;

        var problem = await Problem.GetAsync(Admin, path);

        problem.AssertIs(HttpStatusCode.BadRequest, ProblemTypes.InvalidRequest);
        Assert.Equal(["quantity"], problem.Fields);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    [InlineData(500)]
    public async Task Too_few_or_too_many_skus_is_a_400_naming_sku(int count)
    {
        var skus = Enumerable.Range(0, count).Select(i => fixture.Sample.Skus[i % fixture.Sample.Skus.Count] + (i >= 500 ? "X" : ""));

        var problem = await Problem.GetAsync(Admin, Query(fixture.Sample.Customers[0].CustomerId, skus));

        problem.AssertIs(HttpStatusCode.BadRequest, ProblemTypes.InvalidRequest);
        Assert.Equal(["sku"], problem.Fields);
    }

    [Fact]
    public async Task A_caller_acting_for_every_customer_must_name_one()
    {
        var problem = await Problem.GetAsync(Admin, Query(null, [fixture.Sample.Skus[0]]));

        problem.AssertIs(HttpStatusCode.BadRequest, ProblemTypes.InvalidRequest);
        Assert.Equal(["customerId"], problem.Fields);
    }

    [Fact]
    public async Task Every_invalid_field_is_named_at_once()
    {
        var problem = await Problem.GetAsync(Admin, "v1/prices?quantity=0");

        problem.AssertIs(HttpStatusCode.BadRequest, ProblemTypes.InvalidRequest);
        Assert.Equal(["customerId", "quantity", "sku"], problem.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unknown_customer_and_a_customer_not_acted_for_are_both_404()
    {
        var own = fixture.Sample.Customers[0].CustomerId;
        var other = fixture.Sample.Customers[1].CustomerId;
        var storefront = fixture.Gateway.ClientFor(TestTokens.Storefront(own, "pricing:read"));

        var unknown = await Problem.GetAsync(Admin, Query("C-UNKNOWN", [fixture.Sample.Skus[0]]));
        await fixture.Simulator.ResetStatsAsync(Ct);
        var notMine = await Problem.GetAsync(storefront, Query(other, [fixture.Sample.Skus[0]]));

        unknown.AssertIs(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        notMine.AssertIs(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var stats = await fixture.Simulator.GetStatsAsync(Ct);
        Assert.Equal(0, stats.Legacy.Calls + stats.Cloud.Calls);
    }
}

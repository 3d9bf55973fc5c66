using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.CanonicalApi.Problems;
using Gateway.IntegrationTests.CanonicalApi;

namespace Gateway.IntegrationTests.Inventory;

[Collection(SharedCanonicalApi.Name)]
public sealed class InventoryEndpointTests(CanonicalApiFixture fixture)
{
    static readonly string[] PinnedFields = ["sku", "availableToPromise", "onHand", "reserved", "warehouses", "version", "asOf"];
    static readonly string[] PinnedWarehouseFields = ["warehouseId", "onHand", "reserved", "safetyStock", "availableToPromise"];

    HttpClient Admin => fixture.Gateway.Admin;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stock_of_one_sku_sums_its_warehouses_by_the_contracts_rule()
    {
        var sku = fixture.Sample.Skus[20];

        var stock = await Admin.GetFromJsonAsync<JsonElement>($"v1/inventory/{sku}", Ct);

        foreach (var field in PinnedFields)
        {
            Assert.True(stock.TryGetProperty(field, out _), $"missing {field}");
        }

        var warehouses = stock.GetProperty("warehouses").EnumerateArray().ToList();
        Assert.NotEmpty(warehouses);
        foreach (var field in PinnedWarehouseFields)
        {
            Assert.All(warehouses, w => Assert.True(w.TryGetProperty(field, out _), $"missing {field}"));
        }

        Assert.All(warehouses, w => Assert.Equal(
            Math.Max(0, w.GetProperty("onHand").GetInt32() - w.GetProperty("reserved").GetInt32() - w.GetProperty("safetyStock").GetInt32()),
            w.GetProperty("availableToPromise").GetInt32()));
        Assert.Equal(warehouses.Sum(w => w.GetProperty("availableToPromise").GetInt32()), stock.GetProperty("availableToPromise").GetInt32());
        Assert.Equal(warehouses.Sum(w => w.GetProperty("onHand").GetInt32()), stock.GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task Unknown_sku_is_a_404_problem()
    {
        var problem = await Problem.GetAsync(Admin, "v1/inventory/NO-SUCH-SKU");

        problem.AssertIs(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task A_batch_answers_the_known_skus_in_order_and_lists_the_unknown()
    {
        string[] skus = [fixture.Sample.Skus[30], "NO-SUCH-SKU", fixture.Sample.Skus[31], fixture.Sample.Skus[30]];

        var stock = await Admin.GetFromJsonAsync<JsonElement>("v1/inventory?" + string.Join('&', skus.Select(s => "sku=" + s)), Ct);

        Assert.Equal([skus[0], skus[2]], stock.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
        Assert.Equal(["NO-SUCH-SKU"], stock.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task Too_few_or_too_many_skus_is_a_400_naming_sku(int count)
    {
        var query = string.Join('&', Enumerable.Range(0, count).Select(i => "sku=" + fixture.Sample.Skus[i]));

        var problem = await Problem.GetAsync(Admin, "v1/inventory?" + query);

        problem.AssertIs(HttpStatusCode.BadRequest, ProblemTypes.InvalidRequest);
        Assert.Equal(["sku"], problem.Fields);
    }
}

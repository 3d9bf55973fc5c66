using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.CanonicalApi.Problems;
using Gateway.IntegrationTests.CanonicalApi;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Customers;

[Collection(SharedCanonicalApi.Name)]
public sealed class CustomerEndpointTests(CanonicalApiFixture fixture)
{
    static readonly string[] PinnedFields = ["customerId", "name", "status", "creditStatus", "paymentTerms", "currency", "billTo", "shipTos"];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Customer_is_answered_with_the_pinned_fields_and_its_ship_tos()
    {
        var sample = fixture.Sample.Customers[3];

        var customer = await fixture.Gateway.Admin.GetFromJsonAsync<JsonElement>($"v1/customers/{sample.CustomerId}", Ct);

        foreach (var field in PinnedFields)
        {
            Assert.True(customer.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal(sample.CustomerId, customer.GetProperty("customerId").GetString());
        Assert.Equal(sample.CreditStatus, customer.GetProperty("creditStatus").GetString());
        Assert.Equal(sample.ShipToIds, customer.GetProperty("shipTos").EnumerateArray().Select(s => s.GetProperty("shipToId").GetString()!));
    }

    [Fact]
    public async Task A_storefront_reads_its_own_customer()
    {
        var own = fixture.Sample.Customers[5].CustomerId;

        using var response = await fixture.Gateway.ClientFor(TestTokens.Storefront(own, "orders:read"))
            .GetAsync(new Uri($"v1/customers/{own}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_customer_is_a_404_problem()
    {
        var problem = await Problem.GetAsync(fixture.Gateway.Admin, "v1/customers/NO-SUCH-CUSTOMER");

        problem.AssertIs(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task A_customer_the_caller_does_not_act_for_is_answered_like_an_unknown_one_without_asking_the_erp()
    {
        var own = fixture.Sample.Customers[0].CustomerId;
        var other = fixture.Sample.Customers[1].CustomerId;
        var storefront = fixture.Gateway.ClientFor(TestTokens.Storefront(own, "orders:read"));
        var unknown = await Problem.GetAsync(fixture.Gateway.Admin, "v1/customers/C-UNKNOWN");
        await fixture.Simulator.ResetStatsAsync(Ct);

        var notMine = await Problem.GetAsync(storefront, $"v1/customers/{other}");

        notMine.AssertIs(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        unknown.AssertIs(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        Assert.Equal(unknown.Body.GetProperty("title").GetString(), notMine.Body.GetProperty("title").GetString());
        Assert.Equal(
            unknown.Body.GetProperty("detail").GetString()!.Replace("C-UNKNOWN", other, StringComparison.Ordinal),
            notMine.Body.GetProperty("detail").GetString());
        var stats = await fixture.Simulator.GetStatsAsync(Ct);
        Assert.Equal(0, stats.Legacy.Calls + stats.Cloud.Calls);
    }

    [Fact]
    public async Task Customers_need_the_orders_read_scope()
    {
        var own = fixture.Sample.Customers[0].CustomerId;

        using var response = await fixture.Gateway.ClientFor(TestTokens.Storefront(own, "catalog:read", "pricing:read"))
            .GetAsync(new Uri($"v1/customers/{own}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

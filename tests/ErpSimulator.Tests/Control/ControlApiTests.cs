using System.Net;
using System.Text;
using System.Text.Json;
using ErpSimulator.Backends;
using ErpSimulator.Cloud;
using ErpSimulator.Control;
using ErpSimulator.Data;

namespace ErpSimulator.Tests.Control;

[Collection(SharedSimulator.Name)]
public sealed class ControlApiTests(SimulatorFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task ChangeItemAndStock_Applied_ShowInTheCloudApiWithAGrowingVersion()
    {
        var before = await Client.GetJsonAsync<CloudItem>("cloud/api/items/100011");

        using var renamed = await Client.PostJsonAsync("_sim/items/100011", new ItemChangeRequest("Renamed widget", "discontinued"));
        using var stocked = await Client.PostJsonAsync("_sim/stock", new StockChangeRequest("100011", "tor", 777));

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var after = await Client.GetJsonAsync<CloudItem>("cloud/api/items/100011");
        Assert.Equal("Renamed widget", after.Name);
        Assert.Equal("discontinued", after.Status);
        Assert.True(after.Version > before.Version);
        var stock = Assert.Single((await Client.GetJsonAsync<CloudList<CloudInventory>>("cloud/api/inventory?skus=100011")).Data);
        Assert.Equal(777, stock.Locations.Single(l => l.LocationId == "TOR").OnHand);
        Assert.True(stock.Version > after.Version);
    }

    [Fact]
    public async Task ChangePrice_ListPrice_RepricesBothCurrencies()
    {
        using var changed = await Client.PostJsonAsync("_sim/prices", new PriceChangeRequest("100012", null, 10m));
        var change = await changed.ReadAsync<JsonElement>();

        Assert.Equal("price.changed", change.GetProperty("type").GetString());
        var cad = await Client.GetJsonAsync<CloudList<CloudListPrice>>("cloud/api/pricing/list-prices?currency=CAD&skus=100012");
        Assert.Equal(13.50m, cad.Data[0].Breaks[0].UnitPrice);
    }

    [Theory]
    [InlineData("_sim/stock", """{ "sku": "100001", "warehouseId": "NYC", "onHand": 1 }""", "warehouseId")]
    [InlineData("_sim/stock", """{ "sku": "100001", "warehouseId": "DAL", "onHand": -1 }""", "onHand")]
    [InlineData("_sim/prices", """{ "sku": "100001", "unitPrice": 0 }""", "unitPrice")]
    [InlineData("_sim/prices", """{ "unitPrice": 1 }""", "sku")]
    [InlineData("_sim/prices", """{ "sku": "100001", "unitPrice": "cheap" }""", "$.unitPrice")]
    [InlineData("_sim/items/100001", """{ "status": "Gone" }""", "status")]
    [InlineData("_sim/customers/20001", """{ "creditStatus": "Maybe" }""", "creditStatus")]
    [InlineData("_sim/faults", """{ "backend": "mainframe" }""", "backend")]
    [InlineData("_sim/faults", """{ "errorRate": 2 }""", "errorRate")]
    [InlineData("_sim/faults", """not json""", "$")]
    public async Task Post_BadInput_Is400ProblemNamingTheField(string path, string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
    }

    [Fact]
    public async Task Post_UnknownKeys_Are404()
    {
        using var sku = await Client.PostJsonAsync("_sim/items/999999", new ItemChangeRequest("x", null));
        using var customer = await Client.PostJsonAsync("_sim/customers/29999", new CustomerChangeRequest("Hold"));
        using var contract = await Client.PostJsonAsync("_sim/prices", new PriceChangeRequest("100001", "29999", 1m));

        Assert.Equal(HttpStatusCode.NotFound, sku.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, customer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, contract.StatusCode);
    }

    [Fact]
    public async Task Stats_CallsMade_CountCallsAndItemsPerOperationUntilReset()
    {
        using var reset = await Client.PostAsync(new Uri("_sim/stats/reset", UriKind.Relative), null, TestContext.Current.CancellationToken);
        await Client.GetJsonAsync<CloudList<CloudInventory>>("cloud/api/inventory?skus=100001,100002,100003");
        await Client.GetJsonAsync<CloudItem>("cloud/api/items/100001");

        var stats = await Client.GetJsonAsync<StatsView>("_sim/stats");
        Assert.Equal(2, stats.Cloud.Calls);
        Assert.Equal(new OperationStats(1, 3), stats.Cloud.Operations["inventory.get"]);
        Assert.Equal(new OperationStats(1, 1), stats.Cloud.Operations["items.get"]);
        Assert.Equal(1, stats.Cloud.MaxConcurrency);

        using var again = await Client.PostAsync(new Uri("_sim/stats/reset", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var cleared = await again.ReadAsync<StatsView>();
        Assert.Equal(0, cleared.Cloud.Calls);
        Assert.Empty(cleared.Cloud.Operations);
        Assert.Equal(0, cleared.OrdersCreated);
    }

    [Fact]
    public async Task Sample_Requested_HoldsRealKeys()
    {
        var sample = await Client.GetJsonAsync<DataSample>("_sim/sample?skus=5&customers=3");

        Assert.Equal(5, sample.Skus.Count);
        Assert.Equal(3, sample.Customers.Count);
        var items = await Client.GetJsonAsync<CloudList<CloudItem>>($"cloud/api/items?skus={string.Join(',', sample.Skus)}");
        Assert.All(items.Data, i => Assert.Equal("active", i.Status));
        Assert.Equal(5, items.Data.Count);
        foreach (var customer in sample.Customers)
        {
            var account = await Client.GetJsonAsync<CloudCustomer>($"cloud/api/customers/{customer.CustomerId}");
            Assert.Equal(customer.ShipToIds, account.ShipTos.Select(s => s.Id));
            var contracts = await Client.GetJsonAsync<CloudContracts>($"cloud/api/pricing/contracts/{customer.CustomerId}");
            Assert.Equal(customer.ContractSkus, contracts.Data.Select(c => c.Sku));
        }
    }
}

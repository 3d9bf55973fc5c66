using System.Net.Http.Json;
using System.Text.Json;
using Gateway.IntegrationTests.Caching;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Events;

/// <summary>Changes made in the ERP through <c>/_sim</c>, and what a gateway says about them.</summary>
internal static class SimChanges
{
    public static async Task SetStockAsync(SimulatorHost simulator, string sku, string warehouseId, int onHand)
    {
        using var response = await simulator.Client.PostAsJsonAsync("_sim/stock", new { sku, warehouseId, onHand }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public static async Task SetContractPriceAsync(SimulatorHost simulator, string sku, string customerId, decimal unitPrice)
    {
        using var response = await simulator.Client.PostAsJsonAsync("_sim/prices", new { sku, customerId, unitPrice }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public static async Task<int> OnHandAsync(CacheTestHost host, string sku, string warehouseId)
    {
        var level = await host.Stock.GetStockAsync([sku], TestContext.Current.CancellationToken);
        return level[0].Warehouses.Single(w => w.WarehouseId == warehouseId).OnHand;
    }

    public static async Task<decimal> UnitPriceAsync(CacheTestHost host, string customerId, string sku)
    {
        var quote = await host.Prices.QuoteAsync(customerId, 1, [sku], TestContext.Current.CancellationToken);
        return quote!.Items[0].UnitPrice;
    }

    /// <summary>The <c>cache</c> entry of <c>/health/ready</c>.</summary>
    public static async Task<string> CacheReadinessAsync(CacheTestHost host)
    {
        using var body = await host.Client.GetFromJsonAsync<JsonDocument>("/health/ready", TestContext.Current.CancellationToken);
        return body!.RootElement.GetProperty("checks").GetProperty("cache").GetProperty("status").GetString()!;
    }
}

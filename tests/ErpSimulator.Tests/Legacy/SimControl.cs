using System.Net.Http.Json;

namespace ErpSimulator.Tests.Legacy;

/// <summary>The simulator's control API (/_sim) as the legacy tests use it: over HTTP, like a demo or benchmark would.</summary>
internal static class SimControl
{
    public static async Task<SimSample> SampleAsync(HttpClient http, int skus, int customers, CancellationToken ct) =>
        await http.GetFromJsonAsync<SimSample>($"_sim/sample?skus={skus}&customers={customers}", ct)
        ?? throw new InvalidOperationException("/_sim/sample answered nothing.");

    public static async Task<SimEvent> ChangeStockAsync(HttpClient http, string sku, string warehouseId, int onHand, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("_sim/stock", new { sku, warehouseId, onHand }, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<SimEvent>(ct) ?? throw new InvalidOperationException("/_sim/stock answered nothing.");
    }

    public static async Task<SimStats> StatsAsync(HttpClient http, CancellationToken ct) =>
        await http.GetFromJsonAsync<SimStats>("_sim/stats", ct) ?? throw new InvalidOperationException("/_sim/stats answered nothing.");

    public static async Task ResetStatsAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.PostAsync("_sim/stats/reset", null, ct);
        response.EnsureSuccessStatusCode();
    }
}

internal sealed record SimSample(IReadOnlyList<string> Skus, IReadOnlyList<SimSampleCustomer> Customers);

internal sealed record SimSampleCustomer(string CustomerId, IReadOnlyList<string> ShipToIds, IReadOnlyList<string> ContractSkus, string CreditStatus);

internal sealed record SimEvent(string EventId, string Type, string? Sku, string? WarehouseId, long Sequence, DateTimeOffset OccurredAt);

internal sealed record SimStats(SimLegacyStats Legacy, long OrdersCreated);

internal sealed record SimLegacyStats(long Calls, long BusyFaults, long MaxConcurrency, IReadOnlyDictionary<string, SimOperationStats> Operations);

internal sealed record SimOperationStats(long Calls, long Items);

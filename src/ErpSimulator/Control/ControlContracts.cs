using ErpSimulator.Backends;
using ErpSimulator.Data;

namespace ErpSimulator.Control;

/// <summary><c>POST /_sim/prices</c>: without <paramref name="CustomerId"/> a list price (USD), with it a contract price (the customer's currency).</summary>
public sealed record PriceChangeRequest(string? Sku, string? CustomerId, decimal? UnitPrice);

/// <summary><c>POST /_sim/stock</c>: on-hand stock of a SKU in one warehouse.</summary>
public sealed record StockChangeRequest(string? Sku, string? WarehouseId, int? OnHand);

/// <summary><c>POST /_sim/items/{sku}</c>: <paramref name="Status"/> is Active, Discontinued or Blocked.</summary>
public sealed record ItemChangeRequest(string? Name, string? Status);

/// <summary><c>POST /_sim/customers/{customerId}</c>: <paramref name="CreditStatus"/> is Ok or Hold.</summary>
public sealed record CustomerChangeRequest(string? CreditStatus);

/// <summary><c>POST /_sim/invoices/{invoiceNumber}</c>: mark it paid (or open again) and/or move its due date; emits <c>invoice.changed</c>.</summary>
public sealed record InvoiceChangeRequest(bool? Paid, DateOnly? DueDate);

/// <summary><c>POST /_sim/faults</c>: omitted values mean none, so <c>{ "backend": "cloud" }</c> clears the cloud's faults; no backend means both.</summary>
public sealed record FaultChangeRequest(string? Backend, int? LatencyMs, double? ErrorRate, bool? Outage);

public sealed record FaultsView(FaultSettings Legacy, FaultSettings Cloud);

public sealed record LegacyStatsView(long Calls, long BusyFaults, long MaxConcurrency, IReadOnlyDictionary<string, OperationStats> Operations);

public sealed record CloudStatsView(long Calls, long Throttled, long MaxConcurrency, IReadOnlyDictionary<string, OperationStats> Operations);

/// <summary>The answer of <c>GET /_sim/stats</c>, shaped as CONTRACT.md pins it.</summary>
public sealed record StatsView(LegacyStatsView Legacy, CloudStatsView Cloud, long OrdersCreated)
{
    public static StatsView Of(SimulatorStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var legacy = stats.Legacy.Snapshot();
        var cloud = stats.Cloud.Snapshot();
        return new StatsView(
            new LegacyStatsView(legacy.Calls, legacy.BusyFaults, legacy.MaxConcurrency, legacy.Operations),
            new CloudStatsView(cloud.Calls, cloud.Throttled, cloud.MaxConcurrency, cloud.Operations),
            stats.OrdersCreated);
    }
}

/// <summary>A sales order as the ERP holds it, with both dialects' order numbers.</summary>
public sealed record OrderView(
    string OrderNumber,
    string LegacyOrderNumber,
    string ExternalRef,
    string CustomerId,
    string ShipToId,
    string? PoNumber,
    IReadOnlyList<SalesOrderLine> Lines,
    SalesOrderStatus Status,
    string? Carrier,
    string? TrackingNumber,
    string? RejectReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt,
    long Sequence)
{
    public static OrderView Of(SimSalesOrder o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Number.Cloud, o.Number.Legacy, o.ExternalRef, o.CustomerId, o.ShipToId, o.PoNumber, o.Lines,
            o.Status, o.Carrier, o.TrackingNumber, o.RejectReason, o.CreatedAt, o.StatusChangedAt, o.Sequence);
    }
}

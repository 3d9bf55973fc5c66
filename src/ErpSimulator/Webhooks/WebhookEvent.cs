using System.Text.Json.Serialization;
using ErpSimulator.Data;

namespace ErpSimulator.Webhooks;

/// <summary>
/// A change event on the wire (webhook body and control API answers):
/// <c>{ eventId, type, sku?, customerId?, warehouseId?, orderNumber?, sequence, occurredAt }</c>; absent fields are omitted.
/// <c>orderNumber</c> is the cloud spelling (<c>SO-0000001</c>).
/// </summary>
public sealed record WebhookEvent(
    string EventId,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sku,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CustomerId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WarehouseId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OrderNumber,
    long Sequence,
    DateTimeOffset OccurredAt)
{
    public static WebhookEvent From(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(change.EventId, change.Type, change.Sku, change.CustomerId, change.WarehouseId, change.OrderNumber?.Cloud, change.Sequence, change.OccurredAt);
    }
}

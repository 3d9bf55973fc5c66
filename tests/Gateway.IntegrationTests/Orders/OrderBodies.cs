using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.IntegrationTests.Orders;

/// <summary>Order request bodies and answers as the tests write and read them.</summary>
internal static class OrderBodies
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A valid order for the fixture's first customer: one line per SKU, two packs each, no prices.</summary>
    public static object Valid(OrdersFixture fixture, int customer = 0, int lines = 2, int firstSku = 0) => new
    {
        customerId = fixture.Customers[customer].CustomerId,
        shipToId = fixture.Customers[customer].ShipToIds[0],
        poNumber = "PO-TEST",
        lines = fixture.Skus.Skip(firstSku).Take(lines).Select(s => new { sku = s.Sku, quantity = s.PackSize * 2 }).ToArray(),
    };

    public static string NewKey() => Guid.NewGuid().ToString("N");

    public static async Task<OrderSeen> ReadOrderAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await response.Content.ReadFromJsonAsync<OrderSeen>(Json, cancellationToken))!;

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);

    /// <summary>The field names of a validation problem's <c>errors</c>.</summary>
    public static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = await ReadJsonAsync(response, cancellationToken);
        return problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];
    }
}

/// <summary>The contract's Order as a caller reads it.</summary>
internal sealed record OrderSeen(
    string OrderId,
    string CustomerId,
    string ShipToId,
    IReadOnlyList<OrderLineSeen> Lines,
    string Status,
    IReadOnlyList<StatusChangeSeen> StatusHistory,
    string? ErpOrderNumber,
    IReadOnlyList<ShipmentSeen> Shipments);

internal sealed record OrderLineSeen(string Sku, int Quantity, decimal? UnitPrice);

internal sealed record StatusChangeSeen(string Status, DateTimeOffset At, string Reason);

internal sealed record ShipmentSeen(string Carrier, string TrackingNumber);

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ErpSimulator.Control;

namespace ErpSimulator.Tests.Webhooks;

public sealed class WebhookDispatcherTests
{
    private const string Secret = "test-webhook-secret";

    /// <summary>The contract's form, computed here independently: HMAC-SHA256 of the bytes of "&lt;timestamp&gt;.&lt;body&gt;".</summary>
    private static string TimestampedSignature(string timestamp, byte[] body)
    {
        byte[] signed = [.. Encoding.ASCII.GetBytes(timestamp + "."), .. body];
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));
    }

    [Fact]
    public async Task Deliver_Change_CarriesTheTimeSentAndASignatureOverItAndTheBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await SimulatorHost.StartAsync($"Simulator:WebhookUrls={receiver.Url}", $"Simulator:WebhookSecret={Secret}");
        var before = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

        using var change = await sut.Client.PostJsonAsync("_sim/stock", new StockChangeRequest("100007", "ATL", 12));
        var delivery = await CloudJson.EventuallyAsync(
            () => Task.FromResult(receiver.Received.TryPeek(out var first) ? first : null), TimeSpan.FromSeconds(15), "a webhook delivery");
        var after = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

        Assert.Matches("^[0-9]+$", delivery.Timestamp);
        Assert.InRange(long.Parse(delivery.Timestamp, CultureInfo.InvariantCulture), before, after);
        Assert.Equal(TimestampedSignature(delivery.Timestamp, delivery.Body), delivery.Signature);
    }

    [Fact]
    public async Task Deliver_ChangesAndARefusal_EveryChangePostedSignedInOrderPerEntity()
    {
        await using var receiver = await WebhookReceiver.StartAsync(refuseFirst: 1);
        await using var sut = await SimulatorHost.StartAsync($"Simulator:WebhookUrls={receiver.Url}", $"Simulator:WebhookSecret={Secret}");

        using var first = await sut.Client.PostJsonAsync("_sim/prices", new PriceChangeRequest("100005", null, 12.34m));
        using var second = await sut.Client.PostJsonAsync("_sim/prices", new PriceChangeRequest("100005", null, 11.11m));
        using var stock = await sut.Client.PostJsonAsync("_sim/stock", new StockChangeRequest("100005", "ATL", 40));
        using var credit = await sut.Client.PostJsonAsync("_sim/customers/20003", new CustomerChangeRequest("Hold"));

        var events = await CloudJson.EventuallyAsync(
            () => Task.FromResult(receiver.Received.Count >= 4 ? receiver.Received.ToArray() : null),
            TimeSpan.FromSeconds(15),
            "four webhook deliveries");

        Assert.Equal(1, receiver.Refused);
        Assert.All(events, e => Assert.Equal(TimestampedSignature(e.Timestamp, e.Body), e.Signature));

        var parsed = events.Select(e => JsonDocument.Parse(e.Body).RootElement).ToList();
        Assert.All(parsed, e => Assert.True(Guid.TryParse(e.GetProperty("eventId").GetString(), out _)));
        Assert.All(parsed, e => Assert.True(e.TryGetProperty("occurredAt", out _)));
        var skuEvents = parsed.Where(e => e.TryGetProperty("sku", out _)).ToList();
        Assert.Equal(["price.changed", "price.changed", "inventory.changed"], skuEvents.Select(e => e.GetProperty("type").GetString()));
        Assert.All(skuEvents, e => Assert.Equal("100005", e.GetProperty("sku").GetString()));
        var sequences = skuEvents.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal("ATL", skuEvents[2].GetProperty("warehouseId").GetString());
        var customer = Assert.Single(parsed, e => e.GetProperty("type").GetString() == "customer.changed");
        Assert.Equal("20003", customer.GetProperty("customerId").GetString());
        Assert.False(customer.TryGetProperty("sku", out _));
    }
}

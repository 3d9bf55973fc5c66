using System.Net;
using Gateway.IntegrationTests.Fixtures;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders;

/// <summary>
/// Status feedback by events: with polling practically off (once an hour), an order still follows the ERP to
/// Invoiced, brought along by the ERP's <c>order.changed</c> events (here the legacy ERP's, from its change feed).
/// </summary>
[Collection(SharedOrders.Name)]
public sealed class OrderStatusEventTests(OrdersFixture fixture)
{
    [Fact]
    public async Task Order_changed_events_move_an_order_to_invoiced_without_waiting_for_a_poll()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = GatewaySettings(redis: null, fixture.Simulator, cloudRequestsPerSecond: 200);
        settings["Erp:Routing:Orders"] = "Legacy";
        settings["Orders:StatusPollInterval"] = "01:00:00";
        settings["Events:LegacyFeed"] = "On";
        settings["Events:LegacyPollInterval"] = "00:00:00.100";
        await using var gateway = await GatewayProcess.StartAsync(settings, ct);
        var token = TokenFor(fixture.Customers[0].CustomerId);
        using var placed = await PostOrderAsync(gateway.Client, token, OrderBodies.NewKey(), OrderBodies.Valid(fixture), ct);
        Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);
        var location = placed.Headers.Location!.OriginalString;

        OrderSeen? seen = null;
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                using var read = await GetAsync(gateway.Client, token, location, ct);
                seen = await OrderBodies.ReadOrderAsync(read, ct);
                return seen.Status == "Invoiced";
            }, ct, seconds: 30);
        }
        catch (Xunit.Sdk.FailException)
        {
            Assert.Fail($"The order stayed {seen?.Status} ({seen?.ErpOrderNumber}). Gateway output:{Environment.NewLine}{gateway.RecentOutput}");
        }

        Assert.Contains(seen!.StatusHistory, s => s.Status == "Shipped");
    }
}

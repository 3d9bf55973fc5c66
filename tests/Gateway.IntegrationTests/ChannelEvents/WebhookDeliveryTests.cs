using System.Net;
using Gateway.ChannelEvents;
using Gateway.ChannelEvents.Delivery;
using Gateway.Core.Redis;
using Gateway.Edge;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Events;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;
using Gateway.IntegrationTests.Orders.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Gateway.IntegrationTests.ChannelEvents;

/// <summary>
/// Channel events delivered to a real receiver: an order's whole life, signed and in order; a delivering instance
/// disposed mid-delivery and the other instance finishing its queue; a receiver that holds its requests never delaying
/// another's. Each test on its own redis-server.
/// </summary>
[Collection(SharedWebhooks.Name)]
public sealed class WebhookDeliveryTests(WebhooksFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_from_intake_to_two_parcels_and_an_invoice_reaches_the_partner_once_each_signed_and_in_order()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var gateway = await WebhooksFixture.StartGatewayAsync(fixture.Settings(redis));
        var customer = fixture.Customers[1];
        var name = "order-" + Guid.NewGuid().ToString("N");
        var (_, secret, _) = await fixture.PartnerEndpointAsync(gateway, name, [customer.CustomerId],
            ChannelEventTypes.OrderStatusChanged, ChannelEventTypes.OrderShipped, ChannelEventTypes.OrderInvoiced);

        var calls = new DocumentCalls(gateway.Client, OrdersFixture.TokenFor(customer.CustomerId));
        var order = await calls.PlaceAndWaitAsync(OrderBody(customer, lines: 3), "Invoiced");
        var orderId = order.GetProperty("orderId").GetString()!;
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Receiver.Delivered(name).Any(d => d.Type == ChannelEventTypes.OrderInvoiced)), Ct, seconds: 30);

        var delivered = fixture.Receiver.Delivered(name);
        Assert.All(delivered, d => Assert.True(d.IsSignedWith(secret), "A delivery's signature does not verify with the endpoint's secret."));
        Assert.Equal(delivered.Count, delivered.Select(d => d.WebhookId).Distinct().Count());
        Assert.All(delivered, d => Assert.Equal(d.WebhookId, d.Event.GetProperty("id").GetString()));
        Assert.All(delivered, d => Assert.Equal(orderId, d.Data.GetProperty("orderId").GetString()));
        Assert.All(delivered, d => Assert.Equal(customer.CustomerId, d.Data.GetProperty("customerId").GetString()));
        Assert.All(delivered, AssertMatchesSchema);

        var types = delivered.Select(d => d.Type).ToList();
        Assert.Equal(
            ["Accepted", "SubmittedToErp", "Confirmed", "Allocated", "Shipped", "Invoiced"],
            delivered.Where(d => d.Type == ChannelEventTypes.OrderStatusChanged).Select(d => d.Data.GetProperty("status").GetString()));
        var parcels = delivered.Where(d => d.Type == ChannelEventTypes.OrderShipped).ToList();
        Assert.Equal([$"shp_{orderId[4..]}_1", $"shp_{orderId[4..]}_2"], parcels.Select(p => p.Data.GetProperty("shipmentId").GetString()));
        Assert.Equal(
            order.GetProperty("shipments").EnumerateArray().Select(s => s.GetProperty("trackingNumber").GetString()),
            parcels.Select(p => p.Data.GetProperty("trackingNumber").GetString()));
        var shippedStatus = delivered.ToList().FindIndex(d => d.Type == ChannelEventTypes.OrderStatusChanged && d.Data.GetProperty("status").GetString() == "Shipped");
        Assert.True(types.IndexOf(ChannelEventTypes.OrderShipped) > shippedStatus, string.Join(", ", types));
        Assert.Equal(ChannelEventTypes.OrderInvoiced, types[^1]);
        Assert.Equal("inv_" + orderId[4..], delivered[^1].Data.GetProperty("invoiceId").GetString());
    }

    [Theory]
    [InlineData("Legacy", "00:10:00")] // Moved on by the ERP's order.changed and return.changed events alone (its change feed).
    [InlineData("Cloud", "00:00:00.200")] // By the status poller alone (the feed names the legacy ERP's orders, not this one).
    public async Task A_return_reaches_the_partner_at_each_status_in_order_without_anyone_reading_it(string ordersErp, string statusPollInterval)
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var gateway = await WebhooksFixture.StartGatewayAsync(
            fixture.Settings(redis, ("Erp:Routing:Orders", ordersErp), ("Orders:StatusPollInterval", statusPollInterval)));
        var customer = fixture.Customers[2];
        var name = "return-" + Guid.NewGuid().ToString("N");
        var (_, secret, _) = await fixture.PartnerEndpointAsync(gateway, name, [customer.CustomerId], ChannelEventTypes.ReturnStatusChanged);
        var calls = new DocumentCalls(gateway.Client, OrdersFixture.TokenFor(customer.CustomerId));
        var order = await calls.PlaceAndWaitAsync(OrderBody(customer, lines: 1), "Invoiced");
        var orderId = order.GetProperty("orderId").GetString()!;
        var line = order.GetProperty("lines")[0];

        var (created, requested) = await calls.PostAsync("v1/returns",
            new { orderId, lines = new[] { new { sku = line.GetProperty("sku").GetString(), quantity = 1 } } }, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Created, created);
        var returnId = requested.GetProperty("returnId").GetString()!;

        // Nobody reads the return until the partner heard of its credit.
        var delivered = await Eventually.WaitForAsync(
            () => Task.FromResult(fixture.Receiver.Delivered(name)), d => d.Any(e => e.Data.GetProperty("status").GetString() == "Credited"), seconds: 30);
        // Each status once, in the return's order, from Requested to Credited. A status the ERP moved past between two
        // looks (two steps within one poll, or one event's refresh) is skipped, never invented or repeated.
        var statuses = delivered.Select(d => d.Data.GetProperty("status").GetString()!).ToList();
        string[] life = ["Requested", "Authorised", "Received", "Credited"];
        Assert.Equal("Requested", statuses[0]);
        Assert.Equal("Credited", statuses[^1]);
        Assert.Equal(statuses.Order(Comparer<string>.Create((a, b) => Array.IndexOf(life, a) - Array.IndexOf(life, b))), statuses);
        Assert.Equal(statuses.Count, statuses.Distinct().Count());
        Assert.All(delivered, d => Assert.Equal(returnId, d.Data.GetProperty("returnId").GetString()));
        Assert.All(delivered, d => Assert.Equal(orderId, d.Data.GetProperty("orderId").GetString()));
        Assert.All(delivered, d => Assert.True(d.IsSignedWith(secret)));
        Assert.All(delivered, AssertMatchesSchema);

        var (read, credited) = await calls.GetAsync("v1/returns/" + returnId);
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal("Credited", credited.GetProperty("status").GetString());
        Assert.Equal(statuses.Count, fixture.Receiver.Delivered(name).Count);
    }

    [Fact]
    public async Task When_the_delivering_instance_is_disposed_mid_delivery_the_other_instance_delivers_its_queue_in_order()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var settings = fixture.Settings(redis);
        var first = await WebhooksFixture.StartGatewayAsync(settings);
        await using var second = await WebhooksFixture.StartGatewayAsync(settings);
        var gateways = new List<GatewayHost> { first, second };
        try
        {
            var name = "takeover-" + Guid.NewGuid().ToString("N");
            var sku = fixture.Skus[20].Sku;
            var (webhookId, secret) = await StockEndpointAsync(first, name, sku);
            fixture.Receiver.Hang(name);

            foreach (var onHand in new[] { 1001, 1002, 1003 })
            {
                await SimChanges.SetStockAsync(fixture.Simulator, sku, "ATL", onHand);
            }

            await Eventually.HoldsAsync(() => Task.FromResult(fixture.Receiver.Holding(name) == 1), Ct, seconds: 30);
            var held = fixture.Receiver.All(name).Single();
            using var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            var holder = (string?)await multiplexer.GetDatabase().StringGetAsync(RedisKeys.Webhook(webhookId, "lease"));
            var delivering = gateways.Single(g => HolderOf(g) == holder);
            fixture.Receiver.Answer(name);
            await delivering.DisposeAsync();
            gateways.Remove(delivering);

            await Eventually.HoldsAsync(() => Task.FromResult(fixture.Receiver.Delivered(name).Count >= 3), Ct, seconds: 30);
            var delivered = fixture.Receiver.Delivered(name);
            Assert.Equal(3, delivered.Count);
            Assert.Equal(3, delivered.Select(d => d.WebhookId).Distinct().Count());
            Assert.Equal(held.WebhookId, delivered[0].WebhookId);
            var sequences = delivered.Select(d => d.Data.GetProperty("sequence").GetInt64()).ToList();
            Assert.Equal(sequences.Order(), sequences);
            Assert.All(delivered, d => Assert.True(d.IsSignedWith(secret)));
        }
        finally
        {
            foreach (var gateway in gateways.Where(g => g != second))
            {
                await gateway.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_receiver_holding_its_requests_delays_neither_another_receiver_nor_the_request_path()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var gateway = await WebhooksFixture.StartGatewayAsync(fixture.Settings(redis));
        var sku = fixture.Skus[21].Sku;
        var slow = "slow-" + Guid.NewGuid().ToString("N");
        var fast = "fast-" + Guid.NewGuid().ToString("N");
        await StockEndpointAsync(gateway, slow, sku);
        await StockEndpointAsync(gateway, fast, sku);
        fixture.Receiver.Hang(slow);

        foreach (var onHand in new[] { 2001, 2002, 2003 })
        {
            await SimChanges.SetStockAsync(fixture.Simulator, sku, "ATL", onHand);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Receiver.Delivered(fast).Count >= 3), Ct, seconds: 30);
        Assert.Equal(3, fixture.Receiver.Delivered(fast).Count);
        Assert.Equal(1, fixture.Receiver.Holding(slow));
        Assert.Single(fixture.Receiver.All(slow));
        using var live = await gateway.Client.GetAsync(new Uri("health/live", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>An endpoint of a new partner for one SKU's inventory.changed.</summary>
    internal async Task<(string WebhookId, string Secret)> StockEndpointAsync(GatewayHost gateway, string name, string sku)
    {
        var admin = new AdminClient(gateway.Client);
        var partnerId = await admin.CreatePartnerAsync([Scopes.InventoryRead], [fixture.Customers[0].CustomerId]);
        using var response = await admin.SendAsync(HttpMethod.Post, $"/admin/partners/{partnerId}/webhooks",
            new { url = fixture.Receiver.UrlFor(name), events = new[] { ChannelEventTypes.InventoryChanged }, skus = new[] { sku } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await OrderBodies.ReadJsonAsync(response, Ct);
        return (body.GetProperty("webhookId").GetString()!, body.GetProperty("secret").GetString()!);
    }

    internal object OrderBody(SimSampleCustomer customer, int lines) => new
    {
        customerId = customer.CustomerId,
        shipToId = customer.ShipToIds[0],
        poNumber = "PO-HOOKS",
        lines = fixture.Skus.Take(lines).Select(s => new { sku = s.Sku, quantity = s.PackSize * 2 }).ToArray(),
    };

    /// <summary>The delivered data has exactly the members the committed schema lists for its type.</summary>
    internal static void AssertMatchesSchema(ReceivedDelivery delivery)
    {
        var schema = ChannelEventSchema.Build()["$defs"]![delivery.Type]!["properties"]!;
        Assert.Equal(schema.AsObject().Select(p => p.Key).Order(), delivery.Event.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(schema["data"]!["properties"]!.AsObject().Select(p => p.Key).Order(), delivery.Data.EnumerateObject().Select(p => p.Name).Order());
    }

    static string HolderOf(GatewayHost gateway) =>
        gateway.Services.GetServices<IHostedService>().OfType<WebhookDispatcher>().Single().Holder;
}

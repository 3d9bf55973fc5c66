using System.Net;
using System.Text.Json;
using Gateway.ChannelEvents;
using Gateway.Edge;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Events;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;
using Gateway.IntegrationTests.Orders.Documents;

namespace Gateway.IntegrationTests.ChannelEvents;

/// <summary>
/// What the channel webhooks refuse and guarantee: the URL policy's 400s naming the field, customer isolation whatever
/// was subscribed, dead letters and their replay, disabling after long failure (told in /v1/me), the secret's rotation
/// overlap. The embedded-mode tests run without Redis, as a single node does.
/// </summary>
[Collection(SharedWebhooks.Name)]
public sealed class WebhookRulesTests(WebhooksFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly string[] AllTypes = [.. ChannelEventTypes.All.Select(t => t.Type)];

    [Fact]
    public async Task Targets_outside_the_policy_and_bad_fields_are_400_naming_the_field()
    {
        await using var gateway = await WebhooksFixture.StartGatewayAsync(fixture.Settings(null, ("Webhooks:AllowInsecureTargets", "false")));
        var admin = new AdminClient(gateway.Client);
        var partnerId = await admin.CreatePartnerAsync([Scopes.OrdersRead], [fixture.Customers[0].CustomerId]);
        var route = $"/admin/partners/{partnerId}/webhooks";
        string[] events = [ChannelEventTypes.OrderShipped];

        foreach (var url in new[] { fixture.Receiver.UrlFor("x"), "https://127.0.0.1/hook", "https://localhost/hook", "https://10.0.0.7/hook", "https://169.254.169.254/latest", "https://[::1]/hook", "not a url" })
        {
            Assert.Equal(["url"], await RefusedFieldsAsync(admin, route, new { url, events }));
        }

        Assert.Equal(["events[1]"], await RefusedFieldsAsync(admin, route, new { url = "https://93.184.216.34/hook", events = new[] { ChannelEventTypes.OrderShipped, "order.teleported" } }));
        Assert.Equal(["events"], await RefusedFieldsAsync(admin, route, new { url = "https://93.184.216.34/hook" }));
        Assert.Equal(["customerIds[0]"], await RefusedFieldsAsync(admin, route, new { url = "https://93.184.216.34/hook", events, customerIds = new[] { fixture.Customers[1].CustomerId } }));
        using var created = await admin.SendAsync(HttpMethod.Post, route, new { url = "https://93.184.216.34/hook", events });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var storefront = new AdminClient(gateway.Client);
        var token = OrdersFixture.TokenFor(fixture.Customers[2].CustomerId);
        Assert.Equal(["url"], await RefusedFieldsAsync(storefront, "/v1/me/webhooks", new { url = "http://127.0.0.1:1/hook", events }, token));
    }

    [Fact]
    public async Task No_event_about_another_customer_is_delivered_whatever_was_subscribed()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var gateway = await WebhooksFixture.StartGatewayAsync(fixture.Settings(redis));
        var mine = fixture.Customers.Skip(3).First(c => c.ContractSkus.Count > 0);
        var other = fixture.Customers.Skip(3).First(c => c.CustomerId != mine.CustomerId);
        var (owner, stranger, app) = ("own-" + Guid.NewGuid().ToString("N"), "stranger-" + Guid.NewGuid().ToString("N"), "app-" + Guid.NewGuid().ToString("N"));
        var (ownerHook, _, _) = await fixture.PartnerEndpointAsync(gateway, owner, [mine.CustomerId], AllTypes);
        var (_, _, strangerId) = await fixture.PartnerEndpointAsync(gateway, stranger, [other.CustomerId], AllTypes);
        var storefront = new AdminClient(gateway.Client);
        using (var registered = await storefront.SendAsync(HttpMethod.Post, "/v1/me/webhooks", new { url = fixture.Receiver.UrlFor(app), events = AllTypes }, OrdersFixture.TokenFor(other.CustomerId)))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var calls = new DocumentCalls(gateway.Client, OrdersFixture.TokenFor(mine.CustomerId));
        await calls.PlaceAndWaitAsync(new { customerId = mine.CustomerId, shipToId = mine.ShipToIds[0], lines = new[] { new { sku = fixture.Skus[0].Sku, quantity = fixture.Skus[0].PackSize } } }, "Invoiced");
        await SimChanges.SetContractPriceAsync(fixture.Simulator, mine.ContractSkus[0], mine.CustomerId, 12.34m);
        await Eventually.HoldsAsync(() => Task.FromResult(
            fixture.Receiver.Delivered(owner).Any(d => d.Type == ChannelEventTypes.OrderInvoiced)
            && fixture.Receiver.Delivered(owner).Any(d => d.Type == ChannelEventTypes.PriceChanged && d.Data.GetProperty("customerId").GetString() == mine.CustomerId)), Ct, seconds: 30);

        // A change every endpoint receives, queued after all of the above: once it has arrived, nothing earlier is still on its way.
        var marker = fixture.Skus[22].Sku;
        await SimChanges.SetStockAsync(fixture.Simulator, marker, "ATL", 777);
        foreach (var name in new[] { stranger, app })
        {
            await Eventually.HoldsAsync(() => Task.FromResult(fixture.Receiver.Delivered(name).Any(d => d.Type == ChannelEventTypes.InventoryChanged && d.Data.GetProperty("sku").GetString() == marker)), Ct, seconds: 30);
            Assert.DoesNotContain(fixture.Receiver.All(name), d => d.Data.TryGetProperty("customerId", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() != other.CustomerId);
            Assert.DoesNotContain(fixture.Receiver.All(name), d => d.Type.StartsWith("order.", StringComparison.Ordinal));
        }

        // Another owner's endpoint is not found, exactly as one that does not exist.
        var (_, strangerKey) = await new AdminClient(gateway.Client).IssueKeyAsync(strangerId);
        var strangerCalls = new DocumentCalls(gateway.Client, apiKey: strangerKey);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerCalls.GetAsync("v1/me/webhooks/" + ownerHook)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerCalls.GetAsync("v1/me/webhooks/wh_" + new string('0', 32))).Status);
        var (listed, mineListed) = await strangerCalls.GetAsync("v1/me/webhooks");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Single(mineListed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_event_failing_for_the_retry_period_is_a_dead_letter_that_replays_to_the_receiver()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var gateway = await WebhooksFixture.StartGatewayAsync(fixture.Settings(redis, ("Webhooks:RetryPeriod", "00:00:01")));
        var name = "dead-" + Guid.NewGuid().ToString("N");
        var sku = fixture.Skus[23].Sku;
        var (webhookId, _) = await new WebhookDeliveryTests(fixture).StockEndpointAsync(gateway, name, sku);
        fixture.Receiver.Fail(name);
        await SimChanges.SetStockAsync(fixture.Simulator, sku, "ATL", 3001);

        var admin = new AdminClient(gateway.Client);
        var letters = await Eventually.WaitForAsync(() => ReadAsync(admin, $"/admin/webhooks/{webhookId}/dead-letters"), l => l.GetProperty("items").GetArrayLength() == 1, seconds: 30);
        var letter = letters.GetProperty("items")[0];
        var attempts = fixture.Receiver.All(name);
        Assert.True(attempts.Count >= 2, $"{attempts.Count} attempts");
        Assert.All(attempts, a => Assert.Equal(letter.GetProperty("eventId").GetString(), a.WebhookId));
        Assert.Equal(attempts.Count, letter.GetProperty("attempts").GetInt32());
        Assert.Equal(ChannelEventTypes.InventoryChanged, letter.GetProperty("event").GetProperty("type").GetString());
        Assert.Empty(fixture.Receiver.Delivered(name));

        fixture.Receiver.Answer(name);
        using var replay = await admin.SendAsync(HttpMethod.Post, $"/admin/webhooks/{webhookId}/dead-letters/{letter.GetProperty("deadLetterId").GetString()}/replay");
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Receiver.Delivered(name).Count == 1), Ct, seconds: 30);
        Assert.Equal(letter.GetProperty("eventId").GetString(), fixture.Receiver.Delivered(name)[0].WebhookId);
        Assert.Equal(0, (await ReadAsync(admin, $"/admin/webhooks/{webhookId}/dead-letters")).GetProperty("items").GetArrayLength());
        using var again = await admin.SendAsync(HttpMethod.Post, $"/admin/webhooks/{webhookId}/dead-letters/{letter.GetProperty("deadLetterId").GetString()}/replay");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task An_endpoint_failing_for_long_is_disabled_and_its_partner_sees_it_in_me_until_enabled()
    {
        await using var gateway = await WebhooksFixture.StartGatewayAsync(fixture.Settings(null, ("Webhooks:DisableAfter", "00:00:01")));
        var name = "disabled-" + Guid.NewGuid().ToString("N");
        var sku = fixture.Skus[24].Sku;
        var (webhookId, _, partnerId) = await fixture.PartnerEndpointAsync(gateway, name, [fixture.Customers[0].CustomerId], ChannelEventTypes.InventoryChanged);
        var (_, key) = await new AdminClient(gateway.Client).IssueKeyAsync(partnerId);
        var partner = new DocumentCalls(gateway.Client, apiKey: key);
        fixture.Receiver.Fail(name);
        await SimChanges.SetStockAsync(fixture.Simulator, sku, "ATL", 4001);

        var me = await partner.WaitForAsync("v1/me", m => m.GetProperty("webhooks")[0].GetProperty("state").GetString() == "Disabled");
        Assert.Equal(webhookId, me.GetProperty("webhooks")[0].GetProperty("webhookId").GetString());
        Assert.Equal(JsonValueKind.String, me.GetProperty("webhooks")[0].GetProperty("disabledAt").ValueKind);
        Assert.Empty(fixture.Receiver.Delivered(name));

        fixture.Receiver.Answer(name);
        using var enabled = await new AdminClient(gateway.Client).SendAsync(HttpMethod.Post, $"/admin/webhooks/{webhookId}/enable");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Receiver.Delivered(name).Count == 1), Ct, seconds: 30);
        var after = (await partner.GetAsync("v1/me")).Body.GetProperty("webhooks")[0];
        Assert.Equal("Active", after.GetProperty("state").GetString());
    }

    [Fact]
    public async Task After_a_rotation_deliveries_carry_both_signatures_during_the_overlap()
    {
        await using var gateway = await WebhooksFixture.StartGatewayAsync(fixture.Settings(null));
        var name = "rotated-" + Guid.NewGuid().ToString("N");
        var sku = fixture.Skus[25].Sku;
        var (webhookId, previous, _) = await fixture.PartnerEndpointAsync(gateway, name, [fixture.Customers[0].CustomerId], ChannelEventTypes.InventoryChanged);
        var rotated = await ReadAsync(new AdminClient(gateway.Client), $"/admin/webhooks/{webhookId}/rotate", HttpMethod.Post, HttpStatusCode.Created);
        var current = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(previous, current);

        await SimChanges.SetStockAsync(fixture.Simulator, sku, "ATL", 5001);
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Receiver.Delivered(name).Count == 1), Ct, seconds: 30);
        var delivery = fixture.Receiver.Delivered(name)[0];
        Assert.Equal(2, delivery.Signature.Split(' ').Length);
        Assert.True(delivery.IsSignedWith(current));
        Assert.True(delivery.IsSignedWith(previous));
        Assert.False(delivery.IsSignedWith(Gateway.ChannelEvents.WebhookSigning.NewSecret()));
    }

    static async Task<string[]> RefusedFieldsAsync(AdminClient client, string route, object body, string? token = TestTokens.AdminToken)
    {
        using var response = await client.SendAsync(HttpMethod.Post, route, body, token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await OrderBodies.ErrorFieldsAsync(response, Ct);
    }

    static async Task<JsonElement> ReadAsync(AdminClient admin, string path, HttpMethod? method = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await admin.SendAsync(method ?? HttpMethod.Get, path);
        Assert.Equal(expected, response.StatusCode);
        return await OrderBodies.ReadJsonAsync(response, Ct);
    }
}

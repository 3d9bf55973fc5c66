using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;

namespace Gateway.IntegrationTests.ChannelEvents;

/// <summary>
/// One simulator and one webhook receiver for the channel event tests; each test starts its own redis-server and
/// gateways (so no endpoint of one test receives another's events), with fast retries and the legacy change feed on.
/// </summary>
public sealed class WebhooksFixture : IAsyncLifetime
{
    public SimulatorHost Simulator { get; private set; } = null!;

    public WebhookReceiver Receiver { get; private set; } = null!;

    public IReadOnlyList<(string Sku, int PackSize)> Skus { get; private set; } = [];

    public IReadOnlyList<SimSampleCustomer> Customers { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Simulator = await SimulatorHost.StartAsync(OrdersFixture.SimulatorSettings(orderStepMs: 200, cloudRequestsPerSecond: 200));
        Receiver = await WebhookReceiver.StartAsync();
        var sample = await Simulator.SampleAsync(skus: 40, customers: 30);
        Skus = await OrdersFixture.PackSizesAsync(Simulator, sample.Skus);
        Customers = [.. sample.Customers.Where(c => c.CreditStatus == "Ok")];
    }

    /// <summary>Gateway settings on <paramref name="redis"/> (null: embedded mode); <paramref name="overrides"/> last.</summary>
    public Dictionary<string, string?> Settings(IRedisDeployment? redis, params (string Key, string Value)[] overrides)
    {
        var settings = OrdersFixture.GatewaySettings(redis, Simulator, cloudRequestsPerSecond: 200);
        settings["Events:LegacyFeed"] = "On";
        settings["Events:LegacyPollInterval"] = "00:00:00.100";
        settings["Events:LeaseDuration"] = "00:00:02";
        settings["Webhooks:AllowInsecureTargets"] = "true";
        settings["Webhooks:PollInterval"] = "00:00:00.100";
        settings["Webhooks:LeaseDuration"] = "00:00:02";
        settings["Webhooks:FirstRetryDelay"] = "00:00:00.100";
        settings["Webhooks:MaxRetryDelay"] = "00:00:00.200";
        settings["Webhooks:DeliveryTimeout"] = "00:00:30";
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Task<GatewayHost> StartGatewayAsync(Dictionary<string, string?> settings) =>
        GatewayHost.StartAsync(new GatewayHostOptions { Settings = settings });

    /// <summary>Registers a partner acting for <paramref name="customerIds"/> and an endpoint of it for <paramref name="events"/>; returns (webhookId, secret).</summary>
    public async Task<(string WebhookId, string Secret, string PartnerId)> PartnerEndpointAsync(GatewayHost gateway, string name, string[] customerIds, params string[] events)
    {
        var admin = new AdminClient(gateway.Client);
        var partnerId = await admin.CreatePartnerAsync([Scopes.OrdersRead, Scopes.InventoryRead], customerIds);
        using var response = await admin.SendAsync(HttpMethod.Post, $"/admin/partners/{partnerId}/webhooks", new { url = Receiver.UrlFor(name), events });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return (body.GetProperty("webhookId").GetString()!, body.GetProperty("secret").GetString()!, partnerId);
    }

    public async ValueTask DisposeAsync()
    {
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedWebhooks : ICollectionFixture<WebhooksFixture>
{
    public const string Name = "Channel webhooks";
}

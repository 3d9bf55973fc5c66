using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;

namespace Gateway.IntegrationTests.Operations;

/// <summary>
/// A real redis-server, a private simulator whose orders move one status every 300 ms, and the gateway as a child process
/// sampling its operations figures every 200 ms, with orders on hold counted stuck after a second and v1 deprecated. Orders go to the
/// cloud ERP, everything else to the legacy one (as in <see cref="OrdersFixture"/>). A process of its own, as in
/// production: its gauges are its own, never those of the other gateways a test run starts and stops in this process.
/// </summary>
public sealed class OperationsFixture : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();

    public SimulatorHost Simulator { get; private set; } = null!;

    public GatewayProcess Gateway { get; private set; } = null!;

    /// <summary>A client of <see cref="Gateway"/> with the admin token.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public IReadOnlyList<(string Sku, int PackSize)> Skus { get; private set; } = [];

    public IReadOnlyList<SimSampleCustomer> Customers { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        await Redis.StartAsync();
        Simulator = await SimulatorHost.StartAsync(OrdersFixture.SimulatorSettings(orderStepMs: 300, cloudRequestsPerSecond: 200));
        var settings = OrdersFixture.GatewaySettings(Redis, Simulator, cloudRequestsPerSecond: 200);
        settings["Operations:SampleInterval"] = "00:00:00.200";
        settings["Orders:StuckAfter:OnHold"] = "00:00:01";
        // v1 deprecated: the console's panel lists who still calls it.
        settings["Versions:v1:DeprecatedAt"] = "2026-01-01T00:00:00Z";
        // Webhooks to a loopback receiver, given up on after a second and disabled after two: the console's panel shows both.
        settings["Webhooks:AllowInsecureTargets"] = "true";
        settings["Webhooks:PollInterval"] = "00:00:00.100";
        settings["Webhooks:FirstRetryDelay"] = "00:00:00.100";
        settings["Webhooks:MaxRetryDelay"] = "00:00:00.200";
        settings["Webhooks:RetryPeriod"] = "00:00:01";
        settings["Webhooks:DisableAfter"] = "00:00:02";
        Gateway = await GatewayProcess.StartAsync(settings);
        Admin = new HttpClient { BaseAddress = Gateway.Address };
        Admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.AdminToken);
        var sample = await Simulator.SampleAsync(skus: 30, customers: 30);
        Skus = await OrdersFixture.PackSizesAsync(Simulator, sample.Skus);
        Customers = [.. sample.Customers.Where(c => c.CreditStatus == "Ok")];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Admin?.Dispose();
            if (Gateway is not null)
            {
                await Gateway.DisposeAsync();
            }

            if (Simulator is not null)
            {
                await Simulator.DisposeAsync();
            }
        }
        finally
        {
            await Redis.DisposeAsync();
        }
    }

    /// <summary>Places an order as a storefront of its customer and returns its id.</summary>
    public async Task<string> PlaceAsync(object body, string customerId, CancellationToken cancellationToken)
    {
        using var response = await OrdersFixture.PostOrderAsync(Gateway.Client, OrdersFixture.TokenFor(customerId), OrderBodies.NewKey(), body, cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}{Environment.NewLine}{Gateway.RecentOutput}");
        return (await OrderBodies.ReadOrderAsync(response, cancellationToken)).OrderId;
    }

    /// <summary>
    /// An order the ERP rejects for real: placed while the cloud ERP is down (so it waits in the hand-off), its item
    /// blocked in the ERP meanwhile; once the ERP is back it refuses the order. Returns the order and the blocked SKU.
    /// </summary>
    public async Task<(string OrderId, string Sku)> PlaceRejectedAsync(int customer, int sku, CancellationToken cancellationToken)
    {
        var (blocked, pack) = Skus[sku];
        string orderId;
        await Simulator.SetFaultsAsync("cloud", outage: true, cancellationToken: cancellationToken);
        try
        {
            orderId = await PlaceAsync(Body(customer, (blocked, pack)), Customers[customer].CustomerId, cancellationToken);
            await SetItemStatusAsync(blocked, "Blocked", cancellationToken);
        }
        finally
        {
            await Simulator.ClearFaultsAsync(cancellationToken);
        }

        await WaitForStatusAsync(Customers[customer].CustomerId, orderId, "Rejected", cancellationToken);
        return (orderId, blocked);
    }

    /// <summary>An order one of whose lines is priced far below the ERP's price: accepted, with a price mismatch to review.</summary>
    public Task<string> PlacePriceMismatchAsync(int customer, int sku, CancellationToken cancellationToken)
    {
        var (code, pack) = Skus[sku];
        var body = new
        {
            customerId = Customers[customer].CustomerId,
            shipToId = Customers[customer].ShipToIds[0],
            lines = new object[] { new { sku = code, quantity = pack, unitPrice = 0.01m } },
        };
        return PlaceAsync(body, Customers[customer].CustomerId, cancellationToken);
    }

    public object Body(int customer, params (string Sku, int Pack)[] lines) => new
    {
        customerId = Customers[customer].CustomerId,
        shipToId = Customers[customer].ShipToIds[0],
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Pack }).ToArray(),
    };

    public async Task SetItemStatusAsync(string sku, string status, CancellationToken cancellationToken)
    {
        using var response = await Simulator.Client.PostAsJsonAsync($"_sim/items/{sku}", new { status }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task SetCreditAsync(string customerId, string creditStatus, CancellationToken cancellationToken)
    {
        using var response = await Simulator.Client.PostAsJsonAsync($"_sim/customers/{customerId}", new { creditStatus }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<string> StatusOfAsync(string customerId, string orderId, CancellationToken cancellationToken)
    {
        using var response = await OrdersFixture.GetAsync(Gateway.Client, OrdersFixture.TokenFor(customerId), "v1/orders/" + orderId, cancellationToken);
        return (await OrderBodies.ReadOrderAsync(response, cancellationToken)).Status;
    }

    public Task WaitForStatusAsync(string customerId, string orderId, string status, CancellationToken cancellationToken) =>
        Eventually.HoldsAsync(async () => await StatusOfAsync(customerId, orderId, cancellationToken) == status, cancellationToken, seconds: 30);

    /// <summary>The exception entries of an order as the admin API lists them.</summary>
    public async Task<IReadOnlyList<JsonElement>> ExceptionsOfAsync(string orderId, CancellationToken cancellationToken)
    {
        var list = await Admin.GetFromJsonAsync<JsonElement>("admin/exceptions", cancellationToken);
        return [.. list.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("orderId").GetString() == orderId)];
    }
}

[CollectionDefinition(Name)]
public sealed class SharedOperations : ICollectionFixture<OperationsFixture>
{
    public const string Name = "Operations";
}

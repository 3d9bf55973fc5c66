using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Edge.Scoping;

/// <summary>
/// The real gateway in front of a private simulator, with two real customers: <see cref="Own"/>, the only one a partner
/// key and a storefront token act for, and <see cref="Foreign"/>, which already has an order (placed by the admin).
/// </summary>
public sealed class CustomerScopingFixture : IAsyncLifetime
{
    static readonly string[] EveryScopeButAdmin = [.. Scopes.All.Where(s => s != Scopes.Admin)];

    HttpClient? _partnerClient;

    internal SimulatorHost Simulator { get; private set; } = null!;

    internal GatewayHost Gateway { get; private set; } = null!;

    public SimSampleCustomer Own { get; private set; } = null!;

    public SimSampleCustomer Foreign { get; private set; } = null!;

    public string Sku { get; private set; } = null!;

    public int PackSize { get; private set; }

    public string PartnerKey { get; private set; } = null!;

    public string StorefrontToken { get; private set; } = null!;

    /// <summary>An order of <see cref="Foreign"/>.</summary>
    public string ForeignOrderId { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Simulator = await SimulatorHost.StartAsync();
        // The walk and the sweep call every scoped route several times as one storefront app: its plan is not what they test.
        Gateway = await GatewayHost.StartAsync(Simulator, new Dictionary<string, string?>
        {
            ["Auth:Storefront:RequestsPerSecond"] = "1000",
            ["Auth:Storefront:Burst"] = "2000",
        });
        var sample = await Simulator.SampleAsync(5, 10, ct);
        var active = sample.Customers.Where(c => c.CreditStatus == "Ok").ToList();
        (Own, Foreign) = (active[0], active[1]);
        Sku = sample.Skus[0];
        var product = await Gateway.Admin.GetFromJsonAsync<JsonElement>($"v1/products/{Sku}", ct);
        PackSize = product.GetProperty("packSize").GetInt32();

        var admin = new AdminClient(Gateway.Admin);
        var partnerId = await admin.CreatePartnerAsync(EveryScopeButAdmin, [Own.CustomerId], "Scoped partner");
        (_, PartnerKey) = await admin.IssueKeyAsync(partnerId);
        StorefrontToken = TestTokens.Storefront(Own.CustomerId, EveryScopeButAdmin);

        using var order = await PlaceOrderAsync(Gateway.Admin, Foreign.CustomerId, Foreign.ShipToIds[0]);
        Assert.Equal(HttpStatusCode.Accepted, order.StatusCode);
        ForeignOrderId = (await order.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("orderId").GetString()!;
    }

    /// <summary>A client acting only for <see cref="Own"/>: by partner key or by storefront token.</summary>
    public HttpClient ScopedClient(string credential)
    {
        if (credential != "partner")
        {
            return Gateway.ClientFor(StorefrontToken);
        }

        _partnerClient ??= new HttpClient { BaseAddress = Gateway.Address, DefaultRequestHeaders = { { "X-Api-Key", PartnerKey } } };
        return _partnerClient;
    }

    public Task<HttpResponseMessage> PlaceOrderAsync(HttpClient client, string customerId, string shipToId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId,
                shipToId,
                poNumber = "PO-SCOPE",
                lines = new[] { new { sku = Sku, quantity = PackSize } },
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _partnerClient?.Dispose();
        await Gateway.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

/// <summary>The tests that need the real Program in front of a simulator share one of each.</summary>
[CollectionDefinition(Name)]
public sealed class RealGateway : ICollectionFixture<CustomerScopingFixture>
{
    public const string Name = "EdgeRealGateway";
}

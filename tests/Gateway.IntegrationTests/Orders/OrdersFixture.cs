using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Orders;

/// <summary>
/// A real redis-server (AOF on), a private simulator whose orders move one status every 300 ms, and the gateway as a
/// child process on both, with fast hand-off and status polling. Orders go to the cloud ERP; products, customers and
/// prices come from the legacy one, so a cloud outage stops hand-off but not intake.
/// </summary>
public sealed class OrdersFixture : IAsyncLifetime
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public RedisServer Redis { get; } = new();

    public SimulatorHost Simulator { get; private set; } = null!;

    public GatewayProcess Gateway { get; private set; } = null!;

    /// <summary>Active SKUs with their pack sizes.</summary>
    public IReadOnlyList<(string Sku, int PackSize)> Skus { get; private set; } = [];

    /// <summary>Customers in good credit standing, with their ship-tos.</summary>
    public IReadOnlyList<SimSampleCustomer> Customers { get; private set; } = [];

    public static string[] SimulatorSettings(int orderStepMs, int cloudRequestsPerSecond) =>
    [
        "Simulator:OrderStepMs=" + orderStepMs.ToString(CultureInfo.InvariantCulture),
        "Simulator:Cloud:RequestsPerSecond=" + cloudRequestsPerSecond.ToString(CultureInfo.InvariantCulture),
        "Simulator:Cloud:Burst=" + cloudRequestsPerSecond.ToString(CultureInfo.InvariantCulture),
        "Simulator:Legacy:MaxConcurrency=16",
    ];

    /// <summary>Gateway settings for <paramref name="redis"/> and <paramref name="simulator"/>, with the test credentials.</summary>
    public static Dictionary<string, string?> GatewaySettings(IRedisDeployment? redis, SimulatorHost simulator, int cloudRequestsPerSecond)
    {
        var settings = new Dictionary<string, string?>(TestTokens.Settings)
        {
            ["Erp:Legacy:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Erp:Cloud:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Erp:Cloud:RequestsPerSecond"] = cloudRequestsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Erp:Legacy:MaxConcurrency"] = "8",
            ["Erp:Routing:Products"] = "Legacy",
            ["Erp:Routing:Customers"] = "Legacy",
            ["Erp:Routing:Pricing"] = "Legacy",
            ["Erp:Routing:Inventory"] = "Legacy",
            ["Erp:Routing:Orders"] = "Cloud",
            ["Orders:StatusPollInterval"] = "00:00:00.200",
            ["Orders:HandOffPollInterval"] = "00:00:00.050",
            ["Orders:HandOffClaimIdle"] = "00:00:03",
            ["Orders:RetryBackoffMax"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            // Every test token is the same storefront app: its plan is not what these tests are about.
            ["Auth:Storefront:RequestsPerSecond"] = "100000",
            ["Auth:Storefront:Burst"] = "1000000",
        };
        if (redis is not null)
        {
            settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        }

        return settings;
    }

    public async ValueTask InitializeAsync()
    {
        await Redis.StartAsync(appendOnly: true);
        Simulator = await SimulatorHost.StartAsync(SimulatorSettings(orderStepMs: 300, cloudRequestsPerSecond: 200));
        Gateway = await GatewayProcess.StartAsync(GatewaySettings(Redis, Simulator, cloudRequestsPerSecond: 200));
        var sample = await Simulator.SampleAsync(skus: 40, customers: 30);
        Skus = await PackSizesAsync(Simulator, sample.Skus);
        Customers = [.. sample.Customers.Where(c => c.CreditStatus == "Ok")];
    }

    /// <summary>A storefront token for <paramref name="customerId"/> that may place and read orders.</summary>
    public static string TokenFor(string customerId, string app = "storefront-test") =>
        TestTokens.Storefront(customerId, [Scopes.OrdersWrite, Scopes.OrdersRead], TimeSpan.FromMinutes(10), subject: app);

    /// <summary>
    /// <c>POST /v1/orders</c>; <paramref name="body"/> is serialized as JSON unless it is already a string. A 429 is
    /// retried after its Retry-After, as a well-behaved client does: the edge's limits are not what these tests are about.
    /// </summary>
    public static async Task<HttpResponseMessage> PostOrderAsync(HttpClient client, string token, string? idempotencyKey, object body, CancellationToken cancellationToken)
    {
        var json = body as string ?? JsonSerializer.Serialize(body, Json);
        for (var attempt = 1; ; attempt++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "v1/orders")
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            using (request)
            {
                var response = await client.SendAsync(request, cancellationToken);
                if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests || attempt == 10)
                {
                    return response;
                }

                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                response.Dispose();
                await Task.Delay(wait, cancellationToken);
            }
        }
    }

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string token, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, cancellationToken);
    }

    /// <summary>The admin API with the bootstrap admin token.</summary>
    public static async Task<HttpResponseMessage> AdminAsync(HttpClient client, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.AdminToken);
        return await client.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Places <paramref name="count"/> one-line orders (customers and SKUs in turn, one pack each, PO numbers
    /// <paramref name="poPrefix"/>0, 1…), each answered 202; their order ids, in order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PlaceOneLineOrdersAsync(
        HttpClient client, IReadOnlyList<SimSampleCustomer> customers, IReadOnlyList<(string Sku, int PackSize)> skus, int count,
        string poPrefix, CancellationToken cancellationToken)
    {
        var orderIds = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var customer = customers[i % customers.Count];
            var body = new
            {
                customerId = customer.CustomerId,
                shipToId = customer.ShipToIds[0],
                poNumber = poPrefix + i.ToString(CultureInfo.InvariantCulture),
                lines = new[] { new { sku = skus[i % skus.Count].Sku, quantity = skus[i % skus.Count].PackSize } },
            };
            using var placed = await PostOrderAsync(client, TokenFor(customer.CustomerId), OrderBodies.NewKey(), body, cancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, placed.StatusCode);
            orderIds.Add(placed.Headers.Location!.OriginalString.Split('/')[^1]);
        }

        return orderIds;
    }

    /// <summary>How many of <paramref name="orderIds"/> the gateway reports as handed to the ERP (past Accepted and OnHold).</summary>
    public static async Task<int> SubmittedAsync(HttpClient client, IEnumerable<string> orderIds, CancellationToken cancellationToken)
    {
        var submitted = 0;
        foreach (var orderId in orderIds)
        {
            using var response = await AdminAsync(client, HttpMethod.Get, "v1/orders/" + orderId, cancellationToken);
            if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<OrderSeen>(Json, cancellationToken))!.Status is not ("Accepted" or "OnHold"))
            {
                submitted++;
            }
        }

        return submitted;
    }

    /// <summary>The sales orders the ERP holds for one external reference (<c>GET /_sim/orders?externalRef=</c>).</summary>
    public static async Task<IReadOnlyList<JsonElement>> ErpOrdersAsync(SimulatorHost simulator, string externalRef, CancellationToken cancellationToken) =>
        (await simulator.Client.GetFromJsonAsync<JsonElement[]>("_sim/orders?externalRef=" + Uri.EscapeDataString(externalRef), Json, cancellationToken))!;

    /// <summary>The pack size of each SKU, from the ERP.</summary>
    public static async Task<IReadOnlyList<(string Sku, int PackSize)>> PackSizesAsync(SimulatorHost simulator, IReadOnlyList<string> skus)
    {
        var items = await simulator.Client.GetFromJsonAsync<JsonElement>("cloud/api/items?skus=" + string.Join(',', skus), Json);
        return [.. items.GetProperty("data").EnumerateArray()
            .Select(i => (i.GetProperty("sku").GetString()!, i.GetProperty("unitOfMeasure").GetProperty("packSize").GetInt32()))];
    }

    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedOrders : ICollectionFixture<OrdersFixture>
{
    public const string Name = "Orders";
}

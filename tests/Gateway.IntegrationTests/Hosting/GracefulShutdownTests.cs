using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;
using StackExchange.Redis;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Hosting;

// The contract's graceful shutdown, on two gateway processes behind a balancer that routes by readiness: reads and
// orders flow steadily through both while one gets SIGTERM with orders in the middle of their hand-off (the cloud ERP
// answers slowly). No request fails, no order is lost or booked twice, and the stopped instance leaves nothing held.
public sealed class GracefulShutdownTests
{
    const int Readers = 6;
    const int OrderClients = 3;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    readonly ConcurrentQueue<string> _failures = new();
    readonly ConcurrentDictionary<string, bool> _accepted = new(StringComparer.Ordinal);
    long _reads;

    [Fact]
    public async Task An_instance_stopped_by_SIGTERM_drains_without_a_failed_request_or_a_lost_order_and_leaves_nothing_held()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync(appendOnly: true);
        await using var simulator = await SimulatorHost.StartAsync(SimulatorSettings(orderStepMs: 300, cloudRequestsPerSecond: 500));
        var settings = GatewaySettings(redis, simulator, cloudRequestsPerSecond: 500);
        settings.Remove("Orders:HandOffClaimIdle");
        var sample = await simulator.SampleAsync(skus: 20, customers: 20, _ct);
        var skus = await PackSizesAsync(simulator, sample.Skus);
        var customers = sample.Customers.Where(c => c.CreditStatus == "Ok").ToArray();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

        // The instance to stop starts first, so it holds the legacy feed's lease.
        await using var stopped = await GatewayProcess.StartAsync(settings, _ct);
        Assert.NotEmpty(await Eventually.WaitForAsync(() => HeldByAsync(connection, stopped), h => h.Count > 0));
        await using var staying = await GatewayProcess.StartAsync(settings, _ct);
        // Slow enough that orders are in the middle of their hand-off when the signal comes.
        await simulator.SetFaultsAsync("cloud", latencyMs: 1500, cancellationToken: _ct);

        await using (var balancer = new ReadinessBalancer(stopped, staying))
        {
            using var load = new CancellationTokenSource();
            var clients = Enumerable.Range(0, Readers).Select(i => ReadAsync(balancer, customers[i % customers.Length].CustomerId, skus, load.Token))
                .Concat(Enumerable.Range(0, OrderClients).Select(i => OrderAsync(balancer, customers[(i + 7) % customers.Length], skus, load.Token)))
                .ToArray();
            await Eventually.HoldsAsync(() => Task.FromResult(Interlocked.Read(ref _reads) > 200 && _accepted.Count > 10), _ct, seconds: 60);
            var answeredBefore = balancer.Answered[0];

            stopped.Terminate();
            var exitCode = await stopped.WaitForExitAsync(_ct).WaitAsync(TimeSpan.FromSeconds(60), _ct);

            // Nothing of the stopped instance is held at its exit: lease, memberships, sessions, orders in hand.
            var held = await HeldByAsync(connection, stopped);
            var inHand = await InHandAsync(connection, stopped);
            var answeredAfterSignal = balancer.Answered[0] - answeredBefore;

            // Load goes on a little after the exit, through the instance that stays.
            var readsAtExit = Interlocked.Read(ref _reads);
            await Eventually.HoldsAsync(() => Task.FromResult(Interlocked.Read(ref _reads) > readsAtExit + 50), _ct);
            await load.CancelAsync();
            await Task.WhenAll(clients);

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"exit {exitCode} after SIGTERM; {answeredAfterSignal} requests answered by it meanwhile");
            Assert.True(_failures.IsEmpty, string.Join(Environment.NewLine, _failures.Take(10)) + Environment.NewLine + stopped.RecentOutput);
            Assert.Equal(0, exitCode);
            Assert.True(balancer.SeenNotReady[0] > 0, "readiness never failed while the instance drained");
            Assert.True(answeredAfterSignal > 0, "no request was served after the signal");
            Assert.True(held.Count == 0, "still held: " + string.Join(", ", held));
            Assert.True(inHand.Count == 0, "still in its hands: " + string.Join(", ", inHand));
        }

        await simulator.ClearFaultsAsync(_ct);
        await Eventually.HoldsAsync(async () => await SubmittedAsync(staying.Client, _accepted.Keys, _ct) == _accepted.Count, _ct, seconds: 60);
        var erpOrders = await simulator.Client.GetFromJsonAsync<JsonElement[]>("_sim/orders", Json, _ct);
        var byReference = erpOrders!.GroupBy(o => o.GetProperty("externalRef").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(_accepted.Keys.Order(StringComparer.Ordinal), byReference.Keys.Order(StringComparer.Ordinal));
        Assert.All(byReference, r => Assert.Equal(1, r.Value));
    }

    async Task ReadAsync(ReadinessBalancer balancer, string customerId, IReadOnlyList<(string Sku, int PackSize)> skus, CancellationToken stop)
    {
        var token = TestTokens.Storefront(customerId, Scopes.CatalogRead, Scopes.InventoryRead);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var path = (i % 2 == 0 ? "v1/products/" : "v1/inventory/") + skus[i % skus.Count].Sku;
            await SendAsync(balancer, () => Request(HttpMethod.Get, path, token), HttpStatusCode.OK);
            Interlocked.Increment(ref _reads);
        }
    }

    async Task OrderAsync(ReadinessBalancer balancer, SimSampleCustomer customer, IReadOnlyList<(string Sku, int PackSize)> skus, CancellationToken stop)
    {
        var token = TokenFor(customer.CustomerId);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var body = JsonSerializer.Serialize(new
            {
                customerId = customer.CustomerId,
                shipToId = customer.ShipToIds[0],
                poNumber = "PO-DRAIN-" + i.ToString(CultureInfo.InvariantCulture),
                lines = new[] { new { sku = skus[i % skus.Count].Sku, quantity = skus[i % skus.Count].PackSize } },
            });
            var key = OrderBodies.NewKey();
            var response = await SendAsync(balancer, () =>
            {
                var request = Request(HttpMethod.Post, "v1/orders", token);
                request.Headers.Add("Idempotency-Key", key);
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                return request;
            }, HttpStatusCode.Accepted);
            if (response is not null)
            {
                _accepted[response.Split('/')[^1]] = true;
            }
        }
    }

    /// <returns>The Location of the answer, or null when it failed (the failure is recorded).</returns>
    /// <remarks>Never cancelled when the load stops: an order whose answer was dropped would be accepted yet not counted.</remarks>
    async Task<string?> SendAsync(ReadinessBalancer balancer, Func<HttpRequestMessage> request, HttpStatusCode expected)
    {
        try
        {
            var (response, instance) = await balancer.SendAsync(request, _ct);
            using (response)
            {
                if (response.StatusCode != expected)
                {
                    _failures.Enqueue($"instance {instance}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(_ct)}");
                    return null;
                }

                return response.Headers.Location?.OriginalString ?? "";
            }
        }
        catch (HttpRequestException exception)
        {
            _failures.Enqueue(exception.ToString());
            return null;
        }
    }

    static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>
    /// What Redis still names <paramref name="gateway"/> as holder of: members of the live-instance sets and session sets
    /// (members start with its machine name and process id), and leases (string values starting so).
    /// </summary>
    static async Task<IReadOnlyList<string>> HeldByAsync(ConnectionMultiplexer connection, GatewayProcess gateway)
    {
        var mark = Environment.MachineName + ":" + gateway.ProcessId.ToString(CultureInfo.InvariantCulture) + ":";
        var db = connection.GetDatabase();
        var held = new List<string>();
        await foreach (var key in connection.GetServers()[0].KeysAsync(pattern: "*"))
        {
            switch (await db.KeyTypeAsync(key))
            {
                case RedisType.SortedSet:
                    held.AddRange((await db.SortedSetRangeByRankAsync(key)).Where(m => m.ToString().StartsWith(mark, StringComparison.Ordinal)).Select(m => $"{key} {m}"));
                    break;
                case RedisType.String when (await db.StringGetAsync(key)).ToString().StartsWith(mark, StringComparison.Ordinal):
                    held.Add(key.ToString());
                    break;
                default:
                    break;
            }
        }

        return held;
    }

    /// <summary>Hand-off entries <paramref name="gateway"/> still claims: pending with it and not released (idle below the claim idle).</summary>
    static async Task<IReadOnlyList<string>> InHandAsync(ConnectionMultiplexer connection, GatewayProcess gateway)
    {
        var claimIdle = new Gateway.Orders.OrdersOptions().HandOffClaimIdle;
        var pending = await HandOffTakeoverTests.PendingAsync(connection.GetDatabase(), await HandOffTakeoverTests.HandOffStreamAsync(connection));
        return [.. pending.Where(m => HandOffTakeoverTests.IsOf(gateway, m) && m.IdleTimeInMilliseconds < claimIdle.TotalMilliseconds).Select(m => m.MessageId.ToString())];
    }
}

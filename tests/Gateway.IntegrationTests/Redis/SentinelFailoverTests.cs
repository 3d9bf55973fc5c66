using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Redis;

/// <summary>
/// The gateway on a Sentinel-managed primary and replica (<c>serviceName=</c>), with the intake waiting for one replica
/// (<c>Orders:ReplicaAcknowledgements=1</c>). A forced <c>SENTINEL FAILOVER</c> under a steady stream of orders and reads
/// loses no accepted order and creates none twice in the ERP; the reads are answered throughout; the gateway finds the
/// new primary by itself and keeps accepting orders on it.
/// </summary>
public sealed class SentinelFailoverTests
{
    const int OrdersBefore = 30;
    const int OrdersAfter = 30;
    const int Clients = 4;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    readonly ConcurrentDictionary<string, string> _accepted = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<string> _failures = new();
    readonly ConcurrentDictionary<int, int> _reads = new();
    int _acceptedAfterFailover;
    volatile bool _failedOver;
    int _next = -1;

    [Fact]
    public async Task A_forced_failover_under_orders_and_reads_loses_no_order_creates_none_twice_and_answers_every_read()
    {
        await using var redis = await RedisSentinel.StartAsync();
        await using var simulator = await SimulatorHost.StartAsync(SimulatorSettings(orderStepMs: 100, cloudRequestsPerSecond: 2000));
        var settings = GatewaySettings(redis, simulator, cloudRequestsPerSecond: 1000);
        settings["Orders:ReplicaAcknowledgements"] = "1";
        settings["Orders:HandOffClaimIdle"] = "00:00:02";
        settings["Orders:HandOffRenewInterval"] = "00:00:00.500";
        await using var gateway = await GatewayProcess.StartAsync(settings, _ct);
        var sample = await simulator.SampleAsync(skus: 20, customers: 20, _ct);
        var customers = sample.Customers.Where(c => c.CreditStatus == "Ok").Take(Clients).ToArray();
        var skus = await PackSizesAsync(simulator, sample.Skus);
        var before = await redis.PrimaryPortAsync();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var readers = Enumerable.Range(0, 2).Select(r => ReadUntilStoppedAsync(gateway, customers[0].CustomerId, sample.Skus, stop.Token)).ToArray();
        var clients = Enumerable.Range(0, Clients).Select(c => RunClientAsync(gateway, customers[c % customers.Length], skus, stop.Token)).ToArray();

        await Eventually.HoldsAsync(() => Task.FromResult(_accepted.Count >= OrdersBefore || !_failures.IsEmpty), _ct, seconds: 60);
        var after = await redis.FailoverAsync();
        _failedOver = true;
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref _acceptedAfterFailover) >= OrdersAfter || !_failures.IsEmpty), _ct, seconds: 120);
        await stop.CancelAsync();
        await Task.WhenAll([.. readers, .. clients]);

        Assert.True(_failures.IsEmpty, string.Join(Environment.NewLine, _failures.Take(10)) + Environment.NewLine + gateway.RecentOutput);
        Assert.NotEqual(before, after);
        Assert.Equal([200], _reads.Keys);
        Assert.True(_reads[200] > 0);

        // Every accepted order is still in the store (now on the old replica) and reaches the ERP exactly once.
        await WaitUntilEveryOrderIsInTheErpAsync(simulator);
        var erpOrders = (await simulator.Client.GetFromJsonAsync<JsonElement[]>("_sim/orders", Json, _ct))!;
        var byReference = erpOrders.GroupBy(o => o.GetProperty("externalRef").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(_accepted.Keys.Order(StringComparer.Ordinal), byReference.Keys.Order(StringComparer.Ordinal));
        Assert.All(byReference, r => Assert.Equal(1, r.Value));
        foreach (var orderId in _accepted.Keys)
        {
            using var response = await GetAsync(gateway.Client, TestTokens.AdminToken, "v1/orders/" + orderId, _ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>A product read after another, through the whole run: every answer counted by its status.</summary>
    async Task ReadUntilStoppedAsync(GatewayProcess gateway, string customerId, IReadOnlyList<string> skus, CancellationToken stop)
    {
        var token = TestTokens.Storefront(customerId, Scopes.CatalogRead);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "v1/products/" + skus[i % skus.Count]);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await gateway.Client.SendAsync(request, stop);
                _reads.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Orders one after another; an order not answered 202 is sent again with its key, as a client does.</summary>
    async Task RunClientAsync(GatewayProcess gateway, SimSampleCustomer customer, IReadOnlyList<(string Sku, int PackSize)> skus, CancellationToken stop)
    {
        var token = TokenFor(customer.CustomerId);
        while (!stop.IsCancellationRequested)
        {
            var index = Interlocked.Increment(ref _next);
            var body = new
            {
                customerId = customer.CustomerId,
                shipToId = customer.ShipToIds[0],
                poNumber = "PO-" + index.ToString(CultureInfo.InvariantCulture),
                lines = new[] { new { sku = skus[index % skus.Count].Sku, quantity = skus[index % skus.Count].PackSize } },
            };
            var key = OrderBodies.NewKey();
            var failedOverBefore = _failedOver;
            // Until a replica is back in sync the new primary refuses writes (min-replicas-to-write): as long as that takes.
            var giveUpAt = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                using var response = await PostOrderAsync(gateway.Client, token, key, body, _ct);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    _accepted[response.Headers.Location!.OriginalString.Split('/')[^1]] = key;
                    if (failedOverBefore)
                    {
                        Interlocked.Increment(ref _acceptedAfterFailover);
                    }

                    break;
                }

                // The store between primaries answers 503: nothing to do but send the same key again.
                if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict) || DateTime.UtcNow > giveUpAt)
                {
                    _failures.Enqueue($"order {index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(_ct)}");
                    return;
                }

                await Task.Delay(100, _ct);
            }
        }
    }

    async Task WaitUntilEveryOrderIsInTheErpAsync(SimulatorHost simulator) =>
        await Eventually.HoldsAsync(async () =>
        {
            var erpOrders = (await simulator.Client.GetFromJsonAsync<JsonElement[]>("_sim/orders", Json, _ct))!;
            var references = erpOrders.Select(o => o.GetProperty("externalRef").GetString()!).ToHashSet(StringComparer.Ordinal);
            return _accepted.Keys.All(references.Contains);
        }, _ct, seconds: 60);
}

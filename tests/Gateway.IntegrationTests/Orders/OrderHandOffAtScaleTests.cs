using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.IntegrationTests.Fixtures;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders;

// The proof: many orders from many clients, some retried, while the ERP is down for a while and one of two
// gateway instances is killed hard in the middle. Afterwards the ERP holds exactly one sales order per accepted order.
public sealed class OrderHandOffAtScaleTests
{
    const int Orders = 1000;
    const int Clients = 50;
    const int OutageAfter = 150;
    const int KillAfter = 350;
    static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    readonly ConcurrentDictionary<string, string> _accepted = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<string> _failures = new();
    int _next = -1;
    long _placedAtKill;
    long _erpOrdersAtKill;
    int _retried;
    int _placed;

    [Theory]
    [MemberData(nameof(RedisDeployment.Both), MemberType = typeof(RedisDeployment))]
    public async Task Every_accepted_order_reaches_the_erp_exactly_once_through_an_outage_and_a_killed_instance(RedisKind kind)
    {
        await using var redis = await RedisDeployment.StartAsync(kind, appendOnly: true);
        await using var simulator = await SimulatorHost.StartAsync(SimulatorSettings(orderStepMs: 100, cloudRequestsPerSecond: 2000));
        var settings = GatewaySettings(redis, simulator, cloudRequestsPerSecond: 1000);
        settings["Orders:HandOffConcurrency"] = "16";
        settings["Orders:HandOffClaimIdle"] = "00:00:02";
        settings["Orders:HandOffRenewInterval"] = "00:00:00.500";
        settings["Orders:StatusPollInterval"] = "00:00:00.250";
        settings["Orders:IdempotencyInFlightTimeout"] = "00:00:02";
        settings["Erp:Cloud:BreakDuration"] = "00:00:01";
        await using var survivor = await GatewayProcess.StartAsync(settings, _ct);
        await using var victim = await GatewayProcess.StartAsync(settings, _ct);
        var sample = await simulator.SampleAsync(skus: 40, customers: 80, _ct);
        var customers = sample.Customers.Where(c => c.CreditStatus == "Ok").Take(Clients).ToArray();
        var skus = await PackSizesAsync(simulator, sample.Skus);
        await simulator.ResetStatsAsync(_ct);

        var faults = RunFaultsAsync(simulator, victim);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => RunClientAsync(c, customers[c % customers.Length], skus, survivor, victim)));
        await faults;

        Assert.True(_failures.IsEmpty, string.Join(Environment.NewLine, _failures.Take(10)) + Environment.NewLine + survivor.RecentOutput);
        Assert.Equal(Orders, _accepted.Count);
        Assert.True(_retried >= Orders / 10, $"{_retried} retries");
        // The scenario bites: orders were waiting for the ERP when the instance died.
        Assert.True(_placedAtKill > _erpOrdersAtKill, $"{_placedAtKill} accepted, {_erpOrdersAtKill} in the ERP at the kill");

        await WaitUntilEveryOrderIsInvoicedAsync(survivor);
        var erpOrders = await simulator.Client.GetFromJsonAsync<JsonElement[]>("_sim/orders", Json, _ct);
        var byReference = erpOrders!.GroupBy(o => o.GetProperty("externalRef").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(_accepted.Keys.Order(StringComparer.Ordinal), byReference.Keys.Order(StringComparer.Ordinal));
        Assert.All(byReference, r => Assert.Equal(1, r.Value));
        Assert.Equal(Orders, (await simulator.GetStatsAsync(_ct)).OrdersCreated);
        Assert.All(erpOrders!, o => Assert.Equal("Invoiced", o.GetProperty("status").GetString()));
    }

    /// <summary>The ERP goes down after <see cref="OutageAfter"/> orders; during the outage the victim is killed.</summary>
    async Task RunFaultsAsync(SimulatorHost simulator, GatewayProcess victim)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref _placed) >= OutageAfter), _ct, seconds: 60);
        await simulator.SetFaultsAsync("cloud", outage: true, cancellationToken: _ct);
        var outageEnds = DateTime.UtcNow + Outage;
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref _placed) >= KillAfter), _ct, seconds: 60);
        victim.Kill();
        _placedAtKill = Volatile.Read(ref _placed);
        _erpOrdersAtKill = (await simulator.GetStatsAsync(_ct)).OrdersCreated;
        if (outageEnds > DateTime.UtcNow)
        {
            // The outage's length is part of the scenario, not a wait for an outcome.
            await Task.Delay(outageEnds - DateTime.UtcNow, _ct);
        }

        await simulator.ClearFaultsAsync(_ct);
    }

    async Task RunClientAsync(int client, SimSampleCustomer customer, IReadOnlyList<(string Sku, int PackSize)> skus, GatewayProcess survivor, GatewayProcess victim)
    {
        var random = new Random(client);
        var token = TokenFor(customer.CustomerId);
        int index;
        while ((index = Interlocked.Increment(ref _next)) < Orders)
        {
            var body = new
            {
                customerId = customer.CustomerId,
                shipToId = customer.ShipToIds[random.Next(customer.ShipToIds.Count)],
                poNumber = "PO-" + index.ToString(CultureInfo.InvariantCulture),
                lines = skus.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(s => new { sku = s.Sku, quantity = s.PackSize * random.Next(1, 5) }).ToArray(),
            };
            var key = OrderBodies.NewKey();
            var first = index % 2 == 0 ? victim : survivor;
            if (await PlaceAsync(index, token, key, body, first, survivor) is not { } location)
            {
                continue;
            }

            _accepted[location.Split('/')[^1]] = key;
            Interlocked.Increment(ref _placed);
            if (index % 10 == 0)
            {
                // A client that never saw the answer sends the same request again, to whichever instance.
                Interlocked.Increment(ref _retried);
                if (await PlaceAsync(index, token, key, body, index % 20 == 0 ? survivor : victim, survivor) != location)
                {
                    _failures.Enqueue($"order {index}: the retry did not replay {location}");
                }
            }
        }
    }

    /// <summary>Sends until an answer: a dead instance, a 5xx or a 409 (still being placed) is retried on the survivor.</summary>
    async Task<string?> PlaceAsync(int index, string token, string key, object body, GatewayProcess first, GatewayProcess survivor)
    {
        var target = first;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var response = await PostOrderAsync(target.Client, token, key, body, _ct);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return response.Headers.Location!.OriginalString;
                }

                if (response.StatusCode is not (HttpStatusCode.Conflict or >= HttpStatusCode.InternalServerError))
                {
                    _failures.Enqueue($"order {index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(_ct)}");
                    return null;
                }
            }
            catch (HttpRequestException)
            {
                // The instance died under the request: the order may or may not have been accepted; the key tells.
            }

            target = survivor;
            await Task.Delay(100, _ct);
        }

        _failures.Enqueue($"order {index}: no answer after 50 attempts");
        return null;
    }

    async Task WaitUntilEveryOrderIsInvoicedAsync(GatewayProcess gateway)
    {
        var open = new ConcurrentDictionary<string, bool>(_accepted.Keys.Select(id => KeyValuePair.Create(id, true)));
        await Eventually.HoldsAsync(async () =>
        {
            await Parallel.ForEachAsync(open.Keys, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = _ct }, async (orderId, ct) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "v1/orders/" + orderId);
                request.Headers.Authorization = new("Bearer", TestTokens.AdminToken);
                using var response = await gateway.Client.SendAsync(request, ct);
                if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<OrderSeen>(Json, ct))!.Status == "Invoiced")
                {
                    open.TryRemove(orderId, out _);
                }
            });
            return open.IsEmpty;
        }, _ct, seconds: 60);
    }
}

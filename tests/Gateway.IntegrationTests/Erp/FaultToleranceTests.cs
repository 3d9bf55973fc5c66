using Gateway.Core.Erp;
using Gateway.Core.Orders;
using Gateway.IntegrationTests.Fixtures;
using Polly.CircuitBreaker;

namespace Gateway.IntegrationTests.Erp;

/// <summary>Failing ERPs: reads are retried until they succeed, an order is created once, an outage opens the circuit.</summary>
[Collection(SharedSimulator.Name)]
public sealed class FaultToleranceTests(SimulatorHost simulator)
{
    [Theory]
    [InlineData(ErpSystem.Legacy)]
    [InlineData(ErpSystem.Cloud)]
    public async Task Reads_succeed_when_a_quarter_of_erp_calls_fail(ErpSystem erp)
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await simulator.SampleAsync(40, 1, ct);
        await using var sut = ConnectorsHost.Start(simulator, erp, Settings(erp, ("ReadRetries", "8"), ("RetryDelay", "00:00:00.005"), ("BreakerMinimumThroughput", "10000")));
        // The breaker is kept out of this one (4 failures in the first 8 attempts would open it): retries are under test.
        await simulator.ResetStatsAsync(ct);
        await simulator.SetFaultsAsync(Backend(erp), errorRate: 0.25, cancellationToken: ct);
        try
        {
            var answered = 0;
            foreach (var sku in sample.Skus)
            {
                answered += (await sut.Stock.GetStockAsync([sku], ct)).Count;
            }

            var stats = await simulator.GetStatsAsync(ct);
            Assert.Equal(40, answered);
            Assert.True(Of(erp, stats).Calls > 40, "some calls should have failed and been retried");
            Assert.Equal(CircuitState.Closed, sut.Pipeline.Circuit);
        }
        finally
        {
            await simulator.ClearFaultsAsync(ct);
        }
    }

    [Theory]
    [InlineData(ErpSystem.Legacy)]
    [InlineData(ErpSystem.Cloud)]
    public async Task An_order_submitted_twice_with_one_reference_creates_one_erp_order(ErpSystem erp)
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await simulator.SampleAsync(2, 5, ct);
        var customer = sample.Customers.First(c => c.CreditStatus == "Ok");
        await using var sut = ConnectorsHost.Start(simulator, erp, Settings(erp, ("WriteRetries", "5"), ("RetryDelay", "00:00:00.005"), ("BreakerMinimumThroughput", "10000")));
        var products = await sut.Catalog.GetProductsAsync(sample.Skus, ct);
        var order = new SalesOrderRequest(
            "it-" + Guid.NewGuid().ToString("N")[..12], customer.CustomerId, customer.ShipToIds[0], "PO-1", [.. products.Select(p => new SalesOrderLine(p.Sku, 2 * p.PackSize, null))]);
        await simulator.ResetStatsAsync(ct);
        await simulator.SetFaultsAsync(Backend(erp), errorRate: 0.1, cancellationToken: ct);
        try
        {
            // Whether the first says Created depends on whether a retry found the order its failed attempt had made.
            var first = await sut.Orders.SubmitAsync(order, ct);
            var second = await sut.Orders.SubmitAsync(order, ct);

            var stats = await simulator.GetStatsAsync(ct);
            Assert.Equal(1, stats.OrdersCreated);
            Assert.False(second.Created);
            Assert.Equal(first.OrderNumber, second.OrderNumber);
            Assert.Equal(order.ExternalReference, second.ExternalReference);
        }
        finally
        {
            await simulator.ClearFaultsAsync(ct);
        }
    }

    [Theory]
    [InlineData(ErpSystem.Legacy)]
    [InlineData(ErpSystem.Cloud)]
    public async Task An_outage_opens_the_circuit_and_calls_fail_fast_without_reaching_the_erp(ErpSystem erp)
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];
        await using var sut = ConnectorsHost.Start(simulator, erp, Settings(erp, ("RetryDelay", "00:00:00.005"), ("BreakDuration", "00:01:00")));
        await simulator.SetFaultsAsync(Backend(erp), outage: true, cancellationToken: ct);
        try
        {
            // Each read tries 1 + ReadRetries times; the breaker opens after BreakerMinimumThroughput (8) failed attempts.
            for (var i = 0; i < 5 && sut.Pipeline.Circuit == CircuitState.Closed; i++)
            {
                await Assert.ThrowsAsync<ErpUnavailableException>(() => sut.Stock.GetStockAsync([sku], ct));
            }

            Assert.Equal(CircuitState.Open, sut.Pipeline.Circuit);
            var callsWhenOpened = Of(erp, await simulator.GetStatsAsync(ct)).Calls;
            for (var i = 0; i < 20; i++)
            {
                var refused = await Assert.ThrowsAsync<ErpUnavailableException>(() => sut.Stock.GetStockAsync([sku], ct));
                Assert.Equal(erp, refused.Erp);
                Assert.True(refused.RetryAfter > TimeSpan.Zero);
            }

            Assert.Equal(callsWhenOpened, Of(erp, await simulator.GetStatsAsync(ct)).Calls);
        }
        finally
        {
            await simulator.ClearFaultsAsync(ct);
        }
    }

    static string Backend(ErpSystem erp) => erp == ErpSystem.Legacy ? "legacy" : "cloud";

    static SimBackendStats Of(ErpSystem erp, SimStats stats) => erp == ErpSystem.Legacy ? stats.Legacy : stats.Cloud;

    static Dictionary<string, string?> Settings(ErpSystem erp, params (string Key, string Value)[] settings) =>
        settings.ToDictionary(s => $"Erp:{erp}:{s.Key}", s => (string?)s.Value);
}

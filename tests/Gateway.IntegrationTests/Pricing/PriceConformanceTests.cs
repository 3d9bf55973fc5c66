using System.Text.Json;
using Gateway.IntegrationTests.Caching;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Pricing;

/// <summary>
/// Prices composed from cached parts (list prices, promotions, contract overlays) by the ERP's rule equal the ERP's own
/// quotes (<see cref="ErpQuoteOracle"/>), field by field and digit by digit, for a large sample: 100 customers x 50 SKUs
/// x 4 quantities, with the parts read from each ERP.
/// </summary>
public sealed class PriceConformanceTests
{
    static readonly int[] Quantities = [1, 24, 120, 2400];

    [Theory]
    [InlineData("Cloud")]
    [InlineData("Legacy")]
    public async Task Composed_prices_equal_the_erps_own_quotes(string pricingErp)
    {
        var ct = TestContext.Current.CancellationToken;
        // A quota high enough that the sample's hundreds of uncached quotes are not throttled.
        await using var simulator = await SimulatorHost.StartAsync("Simulator:Cloud:RequestsPerSecond=5000", "Simulator:Cloud:Burst=5000");
        await using var sut = await CacheTestHost.StartAsync(
            simulator, settings: ["Erp:Routing:Pricing=" + pricingErp, "Erp:Cloud:RequestsPerSecond=5000", "Erp:Cloud:Burst=5000"]);
        var sample = await simulator.SampleAsync(50, 100, ct);
        var erp = new ErpQuoteOracle(simulator);
        var compared = 0;

        foreach (var customer in sample.Customers)
        {
            // The customer's contract SKUs too, so the contract rule is exercised, not only list and promotion.
            string[] skus = [.. sample.Skus.Take(45), .. customer.ContractSkus.Take(5)];
            foreach (var quantity in Quantities)
            {
                var expected = await erp.QuoteAsync(customer.CustomerId, quantity, skus, ct);
                var composed = await sut.Prices.QuoteAsync(customer.CustomerId, quantity, skus, ct);
                Assert.Equal(JsonSerializer.Serialize(expected, JsonSerializerOptions.Web), JsonSerializer.Serialize(composed, JsonSerializerOptions.Web));
                compared += composed!.Items.Count;
            }
        }

        Assert.True(compared >= 100 * 50 * Quantities.Length * 9 / 10, $"only {compared} lines compared");
    }

    [Fact]
    public async Task Unknown_customer_is_null_like_the_erps_quote()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var simulator = await SimulatorHost.StartAsync();
        await using var sut = await CacheTestHost.StartAsync(simulator);
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];

        Assert.Null(await new ErpQuoteOracle(simulator).QuoteAsync("99999", 1, [sku], ct));
        Assert.Null(await sut.Prices.QuoteAsync("99999", 1, [sku], ct));
    }
}

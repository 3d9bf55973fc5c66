using ErpSimulator.Cloud;
using ErpSimulator.Data;

namespace ErpSimulator.Tests.Data;

/// <summary>Same seed, same data, over HTTP from two separate simulators.</summary>
public sealed class DeterminismTests
{
    private static readonly string[] Quota = ["Simulator:Cloud:RequestsPerSecond=100000", "Simulator:Cloud:Burst=100000"];

    [Fact]
    public async Task Seed_TwoSimulatorsWithOneSeed_ServeTheSameDataAndAnotherSeedDiffers()
    {
        await using var a = await SimulatorHost.StartAsync([.. Quota, "Simulator:Seed=7"]);
        await using var b = await SimulatorHost.StartAsync([.. Quota, "Simulator:Seed=7"]);
        await using var other = await SimulatorHost.StartAsync([.. Quota, "Simulator:Seed=8"]);

        var sample = await a.Client.GetJsonAsync<DataSample>("_sim/sample?skus=100&customers=20");
        var skus = string.Join(',', sample.Skus);
        var ids = string.Join(',', sample.Customers.Select(c => c.CustomerId));
        string[] paths =
        [
            $"cloud/api/items?skus={skus}",
            $"cloud/api/customers?ids={ids}",
            $"cloud/api/pricing/list-prices?currency=USD&skus={skus}",
            $"cloud/api/pricing/promotions?skus={skus}",
            $"cloud/api/inventory?skus={skus}",
            $"cloud/api/pricing/contracts/{sample.Customers[3].CustomerId}",
            "_sim/sample?skus=100&customers=20",
        ];

        var different = 0;
        foreach (var path in paths)
        {
            var fromA = await a.Client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            var fromB = await b.Client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            var fromOther = await other.Client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(fromA, fromB);
            different += fromA == fromOther ? 0 : 1;
        }

        Assert.Equal(paths.Length, different);
        var quote = new CloudQuoteRequest(sample.Customers[0].CustomerId, 120, [.. sample.Skus]);
        using var quoteA = await a.Client.PostJsonAsync("cloud/api/pricing/quotes", quote);
        using var quoteB = await b.Client.PostJsonAsync("cloud/api/pricing/quotes", quote);
        Assert.Equal(
            await quoteA.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await quoteB.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

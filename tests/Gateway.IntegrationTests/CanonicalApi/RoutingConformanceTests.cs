using System.Globalization;
using System.Net;
using System.Text.Json;
using Gateway.Core.Erp;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.CanonicalApi;

/// <summary>
/// Two gateways on one simulator, every domain routed to the legacy ERP on one and to the cloud ERP on the other: for a
/// sample of 500 SKUs and 100 customers, every canonical answer is the same, byte for byte.
/// </summary>
public sealed class RoutingConformanceTests(RoutingConformanceTests.TwoRoutings routings) : IClassFixture<RoutingConformanceTests.TwoRoutings>
{
    static readonly int[] Quantities = [1, 600];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_product_is_the_same_from_either_erp()
    {
        await AssertSameAsync(routings.Sample.Skus.Select(s => $"v1/products/{Uri.EscapeDataString(s)}"));
    }

    [Fact]
    public async Task Product_pages_are_the_same_from_either_erp()
    {
        var first = JsonDocument.Parse(await routings.Legacy.Admin.GetStringAsync(new Uri($"v1/products/{routings.Sample.Skus[42]}", UriKind.Relative), Ct));
        var category = Uri.EscapeDataString(first.RootElement.GetProperty("category").GetString()!);
        var word = Uri.EscapeDataString(first.RootElement.GetProperty("name").GetString()!.Split(' ')[0]);

        await AssertSameAsync(["v1/products?limit=200", $"v1/products?category={category}&limit=200", $"v1/products?q={word}&limit=100"]);
    }

    [Fact]
    public async Task Every_customer_is_the_same_from_either_erp()
    {
        await AssertSameAsync(routings.Sample.Customers.Select(c => $"v1/customers/{Uri.EscapeDataString(c.CustomerId)}"));
    }

    [Fact]
    public async Task Prices_of_every_customer_at_several_quantities_are_the_same_from_either_erp()
    {
        var skus = routings.Sample.Skus;
        var paths = routings.Sample.Customers.SelectMany((customer, i) =>
        {
            // The customer's contract SKUs, then a window of the sample that moves with the customer, so every SKU is priced.
            var window = Enumerable.Range(i * 150, 150).Select(k => skus[k % skus.Count]);
            var asked = customer.ContractSkus.Concat(window).Distinct(StringComparer.Ordinal).Take(200);
            var query = string.Join('&', asked.Select(s => "sku=" + Uri.EscapeDataString(s)));
            return Quantities.Select(q => string.Create(CultureInfo.InvariantCulture, $"v1/prices?customerId={customer.CustomerId}&quantity={q}&{query}"));
        });

        await AssertSameAsync(paths);
    }

    [Fact]
    public async Task Stock_of_every_sku_is_the_same_from_either_erp()
    {
        var batches = routings.Sample.Skus.Chunk(200).Select(chunk => "v1/inventory?" + string.Join('&', chunk.Select(s => "sku=" + Uri.EscapeDataString(s))));

        await AssertSameAsync([.. batches, .. routings.Sample.Skus.Take(20).Select(s => $"v1/inventory/{Uri.EscapeDataString(s)}")]);
    }

    async Task AssertSameAsync(IEnumerable<string> paths)
    {
        var differences = new List<string>();
        var compared = 0;
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct }, async (path, ct) =>
        {
            var legacy = await ReadAsync(routings.Legacy, path, ct);
            var cloud = await ReadAsync(routings.Cloud, path, ct);
            Interlocked.Increment(ref compared);
            if (legacy.Status != HttpStatusCode.OK || cloud.Status != HttpStatusCode.OK || legacy.Body != cloud.Body)
            {
                lock (differences)
                {
                    differences.Add($"{path}\n  legacy {(int)legacy.Status}: {Clip(legacy.Body)}\n  cloud  {(int)cloud.Status}: {Clip(cloud.Body)}");
                }
            }
        });

        Assert.True(compared > 0);
        Assert.True(differences.Count == 0, $"{differences.Count} of {compared} answers differ:\n{string.Join('\n', differences.Take(3))}");
    }

    static async Task<(HttpStatusCode Status, string Body)> ReadAsync(GatewayHost gateway, string path, CancellationToken ct)
    {
        using var response = await gateway.Admin.GetAsync(new Uri(path, UriKind.Relative), ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    static string Clip(string body) => body.Length <= 600 ? body : body[..600] + "…";

    /// <summary>
    /// A private simulator whose quotas are lifted (conformance is about data, not about quota) and two gateways in front
    /// of it, one per routing.
    /// </summary>
    public sealed class TwoRoutings : IAsyncLifetime
    {
        public SimulatorHost Simulator { get; private set; } = null!;

        public GatewayHost Legacy { get; private set; } = null!;

        public GatewayHost Cloud { get; private set; } = null!;

        public SimSample Sample { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Simulator = await SimulatorHost.StartAsync(
                "Simulator:Cloud:RequestsPerSecond=100000", "Simulator:Cloud:Burst=100000", "Simulator:Legacy:MaxConcurrency=64");
            var quotas = new Dictionary<string, string?>
            {
                ["Erp:Cloud:RequestsPerSecond"] = "100000",
                ["Erp:Cloud:Burst"] = "100000",
                ["Erp:Legacy:MaxConcurrency"] = "64",
            };
            Legacy = await GatewayHost.StartAsync(Simulator, With(quotas, GatewayHost.RoutedTo(ErpSystem.Legacy)));
            Cloud = await GatewayHost.StartAsync(Simulator, With(quotas, GatewayHost.RoutedTo(ErpSystem.Cloud)));
            Sample = await Simulator.SampleAsync(500, 100);
            Assert.Equal(500, Sample.Skus.Count);
            Assert.Equal(100, Sample.Customers.Count);
        }

        public async ValueTask DisposeAsync()
        {
            await Legacy.DisposeAsync();
            await Cloud.DisposeAsync();
            await Simulator.DisposeAsync();
        }

        static Dictionary<string, string?> With(Dictionary<string, string?> first, IReadOnlyDictionary<string, string?> second) =>
            first.Concat(second).ToDictionary(p => p.Key, p => p.Value);
    }
}

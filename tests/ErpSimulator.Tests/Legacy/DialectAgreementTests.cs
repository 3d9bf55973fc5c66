using System.Net.Http.Json;
using ErpSimulator.Tests.Legacy.Agreement;
using ErpSimulator.Tests.Legacy.Client;

namespace ErpSimulator.Tests.Legacy;

/// <summary>
/// Both ERPs serve one data set: for 200 SKUs and 50 customers from /_sim/sample, the legacy SOAP answers and
/// the cloud REST answers, each decoded from its own dialect, agree on every field.
/// </summary>
public sealed class DialectAgreementTests(DialectAgreementTests.Simulator simulator) : IClassFixture<DialectAgreementTests.Simulator>
{
    private static readonly int[] Quantities = [1, 7, 12, 24, 120, 600];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetItems_BothDialects_Agree()
    {
        var skus = simulator.Sample.Skus;

        var legacy = await InBatches(skus, 50, async b => (await simulator.Legacy.GetItems([.. b.Select(LegacyClient.Item)])).Items.Select(LegacyDecoder.Decode));
        var cloud = await InBatches(skus, 100, async b => (await Cloud<CloudList<CloudItem>>($"cloud/api/items?skus={string.Join(',', b)}")).Data.Select(CloudDecoder.Decode));

        Assert.Equal(skus.Count, legacy.Count);
        AssertAgree(cloud, legacy, i => i.Sku);
    }

    [Fact]
    public async Task GetCustomers_BothDialects_Agree()
    {
        var ids = simulator.Sample.Customers.Select(c => c.CustomerId).ToList();

        var legacy = (await simulator.Legacy.GetCustomers([.. ids.Select(LegacyClient.Customer)])).Customers.Select(LegacyDecoder.Decode).ToList();
        var cloud = (await Cloud<CloudList<CloudCustomer>>($"cloud/api/customers?ids={string.Join(',', ids)}")).Data.Select(CloudDecoder.Decode).ToList();

        Assert.Equal(ids.Count, legacy.Count);
        AssertAgree(cloud, legacy, c => c.CustomerId);
    }

    [Fact]
    public async Task GetPriceQuote_BothDialects_Agree()
    {
        var legacyQuotes = new List<DecodedQuote>();
        var cloudQuotes = new List<DecodedQuote>();
        foreach (var (customer, n) in simulator.Sample.Customers.Select((c, n) => (c, n)))
        {
            // The sample's SKUs rarely hit a contract: add some of the customer's own so the contract rule is compared too.
            var skus = simulator.Sample.Skus.Concat(customer.ContractSkus.Take(10)).Distinct().ToList();
            var quantity = Quantities[n % Quantities.Length];
            var number = LegacyClient.Customer(customer.CustomerId);

            var legacyParts = await InBatches<DecodedQuote>(skus, 50, async b => [LegacyDecoder.Decode(number,
                await simulator.Legacy.GetPriceQuote(number, $"{quantity}.000", [.. b.Select(LegacyClient.Item)]))]);
            var cloudParts = await InBatches<DecodedQuote>(skus, 100, async b => [CloudDecoder.Decode(await CloudQuoteAsync(customer.CustomerId, quantity, b))]);
            legacyQuotes.Add(Merge(legacyParts));
            cloudQuotes.Add(Merge(cloudParts));
            Assert.Equal(skus.Count, legacyQuotes[^1].Lines.Count);
        }

        var lines = legacyQuotes.SelectMany(q => q.Lines).ToList();
        Assert.Contains(lines, l => l.Source == "contract");
        Assert.Contains(lines, l => l.Source == "list");
        AssertAgree(
            cloudQuotes.SelectMany(q => q.Lines.Select(l => q with { Lines = [l] })),
            legacyQuotes.SelectMany(q => q.Lines.Select(l => q with { Lines = [l] })),
            q => q.CustomerId + "/" + q.Lines[0].Sku);
    }

    [Fact]
    public async Task GetStock_BothDialects_Agree()
    {
        var skus = simulator.Sample.Skus;

        var legacy = await InBatches(skus, 50, async b => LegacyDecoder.Decode((await simulator.Legacy.GetStock([.. b.Select(LegacyClient.Item)])).Stock));
        var cloud = await InBatches(skus, 100, async b => (await Cloud<CloudList<CloudInventory>>($"cloud/api/inventory?skus={string.Join(',', b)}")).Data.Select(CloudDecoder.Decode));

        Assert.Equal(skus.Count, legacy.Count);
        Assert.All(legacy, s => Assert.Equal(3, s.Locations.Count));
        AssertAgree(cloud, legacy, s => s.Sku);
    }

    /// <summary>Same keys, and for each key the same fields, printed in full so a failure names the field.</summary>
    private static void AssertAgree<T>(IEnumerable<T> cloud, IEnumerable<T> legacy, Func<T, string> key)
    {
        static List<string> Lines(IEnumerable<T> records, Func<T, string> key) =>
            [.. records.OrderBy(key, StringComparer.Ordinal).Select(r => key(r) + " " + Decoded.Describe(r))];

        var expected = Lines(cloud, key);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Lines(legacy, key));
    }

    /// <summary>A quote asked in batches is one quote: one customer, one currency, all the lines.</summary>
    private static DecodedQuote Merge(List<DecodedQuote> parts)
    {
        Assert.Single(parts.Select(p => (p.CustomerId, p.Currency)).Distinct());
        return parts[0] with { Lines = [.. parts.SelectMany(p => p.Lines)] };
    }

    private static async Task<List<TOut>> InBatches<TOut>(IReadOnlyList<string> keys, int size, Func<string[], Task<IEnumerable<TOut>>> fetch)
    {
        var all = new List<TOut>();
        foreach (var batch in keys.Chunk(size))
        {
            all.AddRange(await fetch(batch));
        }

        return all;
    }

    private async Task<T> Cloud<T>(string path) =>
        await simulator.Host.Client.GetFromJsonAsync<T>(path, Ct) ?? throw new InvalidOperationException(path + " answered nothing.");

    private async Task<CloudQuote> CloudQuoteAsync(string customerId, int quantity, string[] skus)
    {
        using var response = await simulator.Host.Client.PostAsJsonAsync("cloud/api/pricing/quotes", new { customerId, quantity, skus }, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CloudQuote>(Ct) ?? throw new InvalidOperationException("The quote was empty.");
    }

    /// <summary>A simulator of its own, its cloud quota out of reach: the test makes a few hundred calls in a burst.</summary>
    public sealed class Simulator : IAsyncLifetime
    {
        private SimulatorHost? _host;
        private LegacyClient? _legacy;
        private SimSample? _sample;

        public SimulatorHost Host => _host!;

        public ILegacyErpClient Legacy => _legacy!.Erp;

        internal SimSample Sample => _sample!;

        public async ValueTask InitializeAsync()
        {
            _host = await SimulatorHost.StartAsync("Simulator:Cloud:RequestsPerSecond=100000", "Simulator:Cloud:Burst=100000");
            _legacy = new LegacyClient(_host.BaseAddress);
            _sample = await SimControl.SampleAsync(_host.Client, skus: 200, customers: 50, CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            _legacy?.Dispose();
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }
    }
}

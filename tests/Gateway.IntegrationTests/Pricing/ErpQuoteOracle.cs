extern alias Simulator;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Core.Pricing;
using Gateway.Erp.Connector;
using Gateway.IntegrationTests.Fixtures;
using Simulator::ErpSimulator.Cloud;

namespace Gateway.IntegrationTests.Pricing;

/// <summary>
/// The conformance oracle: the ERP's own whole quote (<c>POST /cloud/api/pricing/quotes</c>), which the gateway never
/// calls, mapped to the canonical quote with the gateway's amounts. The simulator prices both ERPs from one data set by
/// one rule, and its dialect agreement tests prove the legacy quote equal to this one, so it is the oracle for prices
/// composed from either ERP's parts.
/// </summary>
internal sealed class ErpQuoteOracle(SimulatorHost simulator)
{
    /// <returns>Null when the ERP knows no such customer.</returns>
    public async Task<PriceQuote?> QuoteAsync(string customerId, int quantity, IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        using var response = await simulator.Client.PostAsJsonAsync(
            "cloud/api/pricing/quotes", new CloudQuoteRequest(customerId, quantity, skus), JsonSerializerOptions.Web, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var quote = (await response.Content.ReadFromJsonAsync<CloudQuote>(JsonSerializerOptions.Web, cancellationToken))!;
        return new PriceQuote(customerId, quote.Currency.ToUpperInvariant(), [.. quote.Lines.Select(Line)]);
    }

    static PriceLine Line(CloudQuoteLine line) => new(
        line.Sku,
        line.Quantity,
        CanonicalAmounts.Money(line.UnitPrice),
        CanonicalAmounts.Money(line.ListPrice),
        Enum.Parse<PriceSource>(line.Source, ignoreCase: true),
        [.. line.Breaks.OrderBy(b => b.MinQuantity).Select(b => new PriceBreak(b.MinQuantity, CanonicalAmounts.Money(b.UnitPrice)))]);
}

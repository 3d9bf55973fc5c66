using Gateway.Core.Pricing;

namespace Gateway.Erp.Connector;

/// <summary>One SKU's share of a quote, so that quotes for one customer and quantity can be coalesced per SKU.</summary>
/// <param name="Currency">The customer's currency; null when the customer does not exist.</param>
/// <param name="Line">Null when the SKU is unknown or cannot be priced.</param>
internal sealed record PriceLookup(string? Currency, PriceLine? Line)
{
    public static readonly PriceLookup UnknownCustomer = new(null, null);

    public static IReadOnlyDictionary<string, PriceLookup> Split(PriceQuote? quote, IReadOnlyList<string> skus)
    {
        var lines = quote?.Items.ToDictionary(l => l.Sku, StringComparer.Ordinal);
        var split = new Dictionary<string, PriceLookup>(skus.Count, StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            split[sku] = quote is null ? UnknownCustomer : new PriceLookup(quote.Currency, lines!.GetValueOrDefault(sku));
        }

        return split;
    }
}

using Gateway.Core.Pricing;
using GraphQL.Types;

namespace Gateway.GraphQL.Schema;

/// <summary>One SKU's line of a quote, with the currency and customer of the quote it belongs to.</summary>
internal sealed record ProductPrice(string CustomerId, string Currency, PriceLine Line);

internal sealed class PriceType : ObjectGraphType<ProductPrice>
{
    public PriceType()
    {
        Name = "Price";
        Description = "The unit price (per each) a customer pays for a SKU at a quantity, and why.";
        Field(p => p.CustomerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Currency).Description("ISO 4217 code.");
        Field("quantity", p => p.Line.Quantity).Description("Eaches the price is for.");
        Field("unitPrice", p => p.Line.UnitPrice);
        Field("listPrice", p => p.Line.ListPrice).Description("The list price at the same quantity break, for comparison.");
        Field<NonNullGraphType<PriceSourceType>>("source").Resolve(c => c.Source.Line.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriceBreakType>>>>("breaks")
            .Description("The schedule the price came from: the contract's, or the list's.")
            .Resolve(c => c.Source.Line.Breaks);
    }
}

internal sealed class PriceBreakType : ObjectGraphType<PriceBreak>
{
    public PriceBreakType()
    {
        Name = "PriceBreak";
        Description = "From minQuantity eaches on, each costs unitPrice.";
        Field(b => b.MinQuantity);
        Field(b => b.UnitPrice);
    }
}

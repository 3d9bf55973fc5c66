using Gateway.Core.Catalog;
using Gateway.Edge;
using Gateway.GraphQL.Guardrails;
using GraphQL.Types;

namespace Gateway.GraphQL.Schema;

/// <summary>The canonical product, with this customer's price and what can ship, each loaded in one batch per request.</summary>
internal sealed class ProductType : ObjectGraphType<Product>
{
    public ProductType()
    {
        Name = "Product";
        Description = "A sellable item as every channel sees it, whichever ERP holds it.";
        Field(p => p.Sku, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Name);
        Field(p => p.Description);
        Field(p => p.Category);
        Field(p => p.Uom).Description("The selling unit's code: EA, BX or CS.");
        Field(p => p.PackSize).Description("Eaches in one selling unit; order quantities are multiples of it.");
        Field(p => p.Status, type: typeof(NonNullGraphType<ProductStatusType>));
        Field(p => p.Version).Description("Grows with every change the ERP makes to the item.");
        Field(p => p.UpdatedAt);

        Field<PriceType>("price")
            .Description(
                "The unit price (per each) at `quantity` for `customerId`, by default the one customer the caller acts for. "
                + "Needs pricing:read. A customer the caller does not act for answers null with NOT_FOUND, as an unknown one does.")
            .Argument<IntGraphType>("quantity", "Eaches in the cart; 1 to 1000000.", a => a.DefaultValue = 1)
            .Argument<IdGraphType>("customerId", "The customer to price for; optional when the caller acts for one customer only.")
            .RequireScope(Scopes.PricingRead)
            .Resolve(ProductResolvers.Price);

        Field<AvailabilityType>("availability")
            .Description("What can be promised, in total and per warehouse. Needs inventory:read.")
            .RequireScope(Scopes.InventoryRead)
            .Resolve(ProductResolvers.Availability);
    }
}

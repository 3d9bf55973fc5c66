using Gateway.Orders;
using GraphQL.Types;

namespace Gateway.GraphQL.Schema;

/// <summary>
/// The body of <c>POST /v1/orders</c> as a GraphQL input. The type system only says which values must be there; every rule
/// (blank values, lengths, pack sizes, ship-to, SKU status) is the REST intake's, run by <see cref="Orders.Intake.OrderIntake"/>.
/// </summary>
internal sealed class PlaceOrderInputType : InputObjectGraphType<OrderRequest>
{
    public PlaceOrderInputType()
    {
        Name = "PlaceOrderInput";
        Description = "An order to place: the customer and ship-to it is for, and its lines in eaches.";
        Field(o => o.CustomerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.ShipToId, type: typeof(NonNullGraphType<IdGraphType>)).Description("One of the customer's ship-tos.");
        Field(o => o.PoNumber, nullable: true).Description("The buyer's purchase order number; at most 64 characters.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineInputType>>>>("lines").Description("1 to 500 lines.");
    }
}

internal sealed class OrderLineInputType : InputObjectGraphType<OrderLineRequest>
{
    public OrderLineInputType()
    {
        Name = "OrderLineInput";
        Description = "One SKU to order.";
        Field(l => l.Sku, type: typeof(NonNullGraphType<IdGraphType>));
        Field(l => l.Quantity, type: typeof(NonNullGraphType<IntGraphType>)).Description("Eaches, 1 to 1000000: a multiple of the product's pack size.");
        Field(l => l.UnitPrice, nullable: true)
            .Description("The unit price the caller expects, 0 to 1000000000 with at most 4 decimals; a different ERP price does not refuse the order, it raises a price-mismatch exception.");
    }
}

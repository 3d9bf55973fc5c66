using Gateway.Orders;
using GraphQL.Types;

namespace Gateway.GraphQL.Schema;

/// <summary>The canonical order, field for field what <c>GET /v1/orders/{orderId}</c> answers.</summary>
internal sealed class OrderType : ObjectGraphType<Order>
{
    public OrderType()
    {
        Name = "Order";
        Description = "An order as GET /v1/orders/{orderId} shows it: its lines, where it stands and how it got there.";
        Field(o => o.OrderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.CustomerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.ShipToId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.PoNumber, nullable: true).Description("The buyer's purchase order number, if it sent one.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineType>>>>("lines").Resolve(c => c.Source.Lines);
        Field(o => o.Status, type: typeof(NonNullGraphType<OrderStatusType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusChangeType>>>>("statusHistory")
            .Description("Every status the order passed, oldest first, with when and why.")
            .Resolve(c => c.Source.StatusHistory);
        Field(o => o.ErpOrderNumber, nullable: true).Description("The ERP's sales order number, once the ERP confirmed the order.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShipmentType>>>>("shipments")
            .Description("The order's parcels, as the order lists them; their detail (part, lines) is the ERP's, as GET /v1/orders/{orderId}/shipments.")
            .Resolve(c => c.Source.Shipments.Select(s => new OrderParcel(c.Source, s)).ToList());
        Field(o => o.CreatedAt);
    }
}

internal sealed class OrderLineType : ObjectGraphType<OrderLine>
{
    public OrderLineType()
    {
        Name = "OrderLine";
        Description = "An ordered SKU, in eaches.";
        Field(l => l.Sku, type: typeof(NonNullGraphType<IdGraphType>));
        Field(l => l.Quantity).Description("Eaches: a multiple of the product's pack size.");
        Field(l => l.UnitPrice, nullable: true).Description("The unit price the caller sent, if any.");
    }
}

internal sealed class StatusChangeType : ObjectGraphType<StatusChange>
{
    public StatusChangeType()
    {
        Name = "StatusChange";
        Description = "One step of an order's life.";
        Field(s => s.Status, type: typeof(NonNullGraphType<OrderStatusType>));
        Field(s => s.At);
        Field(s => s.Reason);
    }
}

using Gateway.Core.Orders;
using Gateway.GraphQL.Endpoint;
using Gateway.GraphQL.Loading;
using Gateway.Orders;
using Gateway.Orders.Documents;
using Gateway.Orders.Returns;
using GraphQL;
using GraphQL.Types;

namespace Gateway.GraphQL.Schema;

/// <summary>A parcel as the order lists it, with the order it belongs to, so the ERP's detail of it can be loaded.</summary>
internal sealed record OrderParcel(Order Order, Shipment Shipment);

/// <summary>
/// A parcel of an order. Carrier and tracking number are the order's own (no ERP call); the rest is what
/// <c>GET /v1/orders/{orderId}/shipments</c> answers, loaded from the ERP only when asked, every order of a level at once.
/// </summary>
internal sealed class ShipmentType : ObjectGraphType<OrderParcel>
{
    public ShipmentType()
    {
        Name = "Shipment";
        Description = "A parcel on its way. An order of two or more lines may ship in parts.";
        Field<NonNullGraphType<StringGraphType>>("carrier").Resolve(c => c.Source.Shipment.Carrier);
        Field<NonNullGraphType<StringGraphType>>("trackingNumber").Resolve(c => c.Source.Shipment.TrackingNumber);
        Field<IdGraphType>("shipmentId")
            .Description("The id GET /v1/shipments/{shipmentId} reads; null if the ERP no longer lists the parcel.")
            .Resolve(c => Detail(c, (orderId, p) => DocumentIds.Shipment(orderId, p.Part)));
        Field<IntGraphType>("part").Description("1 for the first parcel of the order, 2 for the next.").Resolve(c => Detail(c, (_, p) => (object)p.Part));
        Field<DateTimeOffsetGraphType>("shippedAt").Resolve(c => Detail(c, (_, p) => (object)p.ShippedAt));
        Field<ListGraphType<NonNullGraphType<ItemQuantityType>>>("lines")
            .Description("The SKUs and quantities (eaches) in this parcel.")
            .Resolve(c => Detail(c, (_, p) => p.Lines));
    }

    static LoadedThen<IReadOnlyList<ErpShipment>>? Detail(IResolveFieldContext<OrderParcel> context, Func<string, ErpShipment, object> pick)
    {
        var (order, shipment) = context.Source;
        return order.ErpOrderNumber is { } number
            ? new LoadedThen<IReadOnlyList<ErpShipment>>(
                context.Request().Loaders.Parcels.Load(number),
                parcels => parcels?.FirstOrDefault(p => p.TrackingNumber == shipment.TrackingNumber) is { } parcel ? pick(order.OrderId, parcel) : null)
            : null;
    }
}

internal sealed class ItemQuantityType : ObjectGraphType<ItemQuantity>
{
    public ItemQuantityType()
    {
        Name = "ItemQuantity";
        Description = "A SKU and a quantity in eaches.";
        Field(l => l.Sku, type: typeof(NonNullGraphType<IdGraphType>));
        Field(l => l.Quantity);
    }
}

/// <summary>An order's invoice, field for field what <c>GET /v1/invoices/{invoiceId}</c> answers.</summary>
internal sealed class InvoiceType : ObjectGraphType<Invoice>
{
    public InvoiceType()
    {
        Name = "Invoice";
        Description = "An order's invoice: the ERP's number, lines, totals, tax, currency, due date by the customer's payment terms, status.";
        Field(i => i.InvoiceId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.InvoiceNumber).Description("The ERP's own number.");
        Field(i => i.OrderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.CustomerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Currency).Description("ISO 4217 code.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvoiceLineType>>>>("lines").Resolve(c => c.Source.Lines);
        Field(i => i.Subtotal);
        Field(i => i.TaxRate).Description("A fraction: 0.13 is 13 %.");
        Field(i => i.Tax);
        Field(i => i.Total);
        Field(i => i.IssuedAt);
        Field(i => i.DueDate, type: typeof(NonNullGraphType<DateOnlyGraphType>));
        Field(i => i.Status, type: typeof(NonNullGraphType<InvoiceStatusType>));
    }
}

internal sealed class InvoiceLineType : ObjectGraphType<InvoiceLine>
{
    public InvoiceLineType()
    {
        Name = "InvoiceLine";
        Description = "An invoiced SKU: quantity in eaches, unit price and amount before tax.";
        Field(l => l.Sku, type: typeof(NonNullGraphType<IdGraphType>));
        Field(l => l.Quantity);
        Field(l => l.UnitPrice);
        Field(l => l.Amount);
    }
}

internal sealed class InvoiceListType : ObjectGraphType<InvoiceList>
{
    public InvoiceListType()
    {
        Name = "InvoiceList";
        Description = "A page of a customer's invoices, oldest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvoiceType>>>>("items").Resolve(c => c.Source.Items);
        Field(l => l.NextCursor, nullable: true).Description("Pass as `after` for the next page; null on the last page.");
    }
}

/// <summary>A return authorisation, field for field what <c>GET /v1/returns/{returnId}</c> answers.</summary>
internal sealed class ReturnType : ObjectGraphType<ReturnAuthorisation>
{
    public ReturnType()
    {
        Name = "Return";
        Description = "A return authorisation: Requested, then Authorised or Rejected (with the reason), Received, Credited.";
        Field(r => r.ReturnId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(r => r.OrderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(r => r.CustomerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemQuantityType>>>>("lines").Resolve(c => c.Source.Lines);
        Field(r => r.Reason, nullable: true);
        Field(r => r.Status, type: typeof(NonNullGraphType<ReturnStatusType>));
        Field(r => r.RejectReason, nullable: true).Description("Why the ERP rejected the return.");
        Field(r => r.CreditNoteNumber, nullable: true).Description("The ERP's credit note, once credited.");
        Field(r => r.CreditAmount, nullable: true).Description("The amount credited before tax, in `currency`.");
        Field(r => r.Currency);
        Field(r => r.RequestedAt);
        Field(r => r.StatusChangedAt);
    }
}

internal sealed class InvoiceStatusType() : CanonicalEnumType<InvoiceStatus>("InvoiceStatus", "Open, Paid, or Overdue (open past its due date).");

internal sealed class ReturnStatusType() : CanonicalEnumType<ReturnStatus>("ReturnStatus", "Where a return stands.");

/// <summary>The body of <c>POST /v1/returns</c> as a GraphQL input; every rule is <see cref="ReturnIntake"/>'s.</summary>
internal sealed class RequestReturnInputType : InputObjectGraphType<ReturnRequestBody>
{
    public RequestReturnInputType()
    {
        Name = "RequestReturnInput";
        Description = "Shipped lines of one order to return.";
        Field(r => r.OrderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReturnLineInputType>>>>("lines").Description("1 to 100 lines.");
        Field(r => r.Reason, nullable: true).Description("At most 500 characters.");
    }
}

internal sealed class ReturnLineInputType : InputObjectGraphType<ReturnLineRequest>
{
    public ReturnLineInputType()
    {
        Name = "ReturnLineInput";
        Description = "A shipped SKU to return.";
        Field(l => l.Sku, type: typeof(NonNullGraphType<IdGraphType>));
        Field(l => l.Quantity, type: typeof(NonNullGraphType<IntGraphType>)).Description("Eaches, no more than were shipped of the SKU.");
    }
}

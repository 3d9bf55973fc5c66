using Gateway.Catalog;
using Gateway.Core;
using Gateway.Core.Orders;
using Gateway.Orders.Returns;
using Gateway.Orders.Storage;

namespace Gateway.Orders.Documents;

/// <summary>
/// An order's invoices and returns as both doors (REST and GraphQL) read them. Each is found through its order, whose
/// customer the caller must act for before the ERP is asked; anything else is null, exactly as for an unknown id.
/// </summary>
internal sealed class OrderDocumentReads(
    IOrderStore store,
    IOrderDocumentSource documents,
    ICustomerSource customers,
    IReturnSink returns,
    ReturnIntake intake,
    ReturnProgress progress,
    TimeProvider time)
{
    /// <summary>The order, when the caller acts for its customer.</summary>
    public async Task<Order?> OrderAsync(string orderId, Func<string, bool> callerActsFor, CancellationToken cancellationToken) =>
        await store.GetAsync(orderId, cancellationToken) is { } stored && callerActsFor(stored.Order.CustomerId) ? stored.Order : null;

    public async Task<Invoice?> InvoiceAsync(string invoiceId, Func<string, bool> callerActsFor, CancellationToken cancellationToken)
    {
        if (DocumentIds.OrderOfInvoice(invoiceId) is not { } orderId
            || await OrderAsync(orderId, callerActsFor, cancellationToken) is not { ErpOrderNumber: { } number } order
            || await documents.GetInvoiceAsync(number, cancellationToken) is not { } invoice
            || invoice.CustomerId != order.CustomerId)
        {
            return null;
        }

        return OrderDocumentViews.ToView(order.OrderId, invoice, Today());
    }

    /// <summary>
    /// A page of <paramref name="customerId"/>'s invoices issued on or after <paramref name="since"/>; null when the caller
    /// does not act for that customer or there is no such customer (asked before the ERP: a caller cannot probe for
    /// account numbers). <c>nextCursor</c> is bound to the customer and the day.
    /// </summary>
    public async Task<InvoiceList?> InvoicesAsync(
        string customerId, DateOnly since, int offset, int limit, Func<string, bool> callerActsFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callerActsFor);
        if (!callerActsFor(customerId) || (await customers.GetCustomersAsync([customerId], cancellationToken)).Count == 0)
        {
            return null;
        }

        var page = await documents.ListInvoicesAsync(customerId, since, offset, limit, cancellationToken);
        var today = Today();
        // Only invoices of orders placed through the gateway have a canonical order, and only the customer's are shown.
        var items = page.Items
            .Where(i => i.CustomerId == customerId)
            .Select(i => DocumentIds.OrderOfReference(i.OrderExternalReference) is { } orderId ? OrderDocumentViews.ToView(orderId, i, today) : null)
            .OfType<Invoice>()
            .ToList();
        var next = offset + page.Items.Count;
        var nextCursor = page.Items.Count > 0 && next < page.Total ? ProductCursor.Encode(next, customerId, SinceText(since)) : null;
        return new InvoiceList(items, nextCursor);
    }

    /// <summary>The offset a cursor of <see cref="InvoicesAsync"/> names, or the reason it names none for this customer and day.</summary>
    public static int? Offset(string cursor, string customerId, DateOnly since, out string? error) =>
        ProductCursor.Decode(cursor, customerId, SinceText(since), out error, "customerId, since");

    public async Task<ReturnAuthorisation?> ReturnAsync(string returnId, Func<string, bool> callerActsFor, CancellationToken cancellationToken)
    {
        if (DocumentIds.OrderOfReturn(returnId) is not { } orderId
            || await store.GetAsync(orderId, cancellationToken) is not { } stored
            || !callerActsFor(stored.Order.CustomerId)
            || await returns.FindAsync(returnId, cancellationToken) is not { } booked
            || await intake.ViewAsync(stored.Order, returnId, booked, cancellationToken) is not { } view)
        {
            return null;
        }

        // A status the order has not seen yet (its change event lost or still on its way) is saved, and so announced, now.
        if (ReturnProgress.Observe(stored, [KnownReturn.Of(view)]) is not null)
        {
            await progress.ObserveAsync(orderId, view, cancellationToken);
        }

        return view;
    }

    static string SinceText(DateOnly since) => since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}

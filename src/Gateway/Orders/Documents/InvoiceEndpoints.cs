using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Gateway.CanonicalApi.Problems;
using Gateway.CanonicalApi.Validation;
using Gateway.Catalog;
using Gateway.Core;
using Gateway.Edge;
using Gateway.Edge.Scoping;
using Gateway.Orders.Intake;
using Gateway.Orders.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Orders.Documents;

/// <summary><c>GET /v1/invoices?customerId=&amp;since=</c> and <c>GET /v1/invoices/{invoiceId}</c>.</summary>
public static class InvoiceEndpoints
{
    const int DefaultLimit = 50;
    const int MaxLimit = 100;

    /// <param name="version">The version's group (<c>/v1</c>, and any later version that keeps the resource).</param>
    public static RouteGroupBuilder MapInvoices(this RouteGroupBuilder version)
    {
        var invoices = version.MapGroup("/invoices").WithTags("Invoices");
        invoices.MapGet("/", ListInvoices)
            .RequireAuthorization(Scopes.OrdersRead)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The customer's invoices issued on or after since (yyyy-MM-dd, UTC), oldest first; limit 1-100 (50), cursor from nextCursor.");
        invoices.MapGet("/{invoiceId}", GetInvoice)
            .RequireAuthorization(Scopes.OrdersRead)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An order's invoice: number, lines, totals, tax, currency, due date by the customer's payment terms, status Open, Paid or Overdue.");
        return version;
    }

    static async Task<Results<Ok<InvoiceList>, ValidationProblem, ProblemHttpResult>> ListInvoices(
        HttpContext context,
        IOrderDocumentSource documents,
        ICustomerSource customers,
        TimeProvider time,
        CancellationToken cancellationToken,
        [MaxLength(BatchKeys.MaxKeyLength)] string? customerId = null,
        DateOnly? since = null,
        [Range(1, MaxLimit)] int? limit = null,
        [MaxLength(IdempotencyKey.MaxLength)] string? cursor = null)
    {
        var errors = new FieldErrors();
        var customer = string.IsNullOrWhiteSpace(customerId) ? context.ImpliedCustomer() : customerId.Trim();
        if (customer is null)
        {
            errors.Add("customerId", "Required: the caller acts for more than one customer.");
        }

        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"Must be between 1 and {MaxLimit}.");
        }

        var day = since ?? DateOnly.MinValue;
        var sinceText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var offset = 0;
        if (cursor is not null && customer is not null)
        {
            offset = ProductCursor.Decode(cursor, customer, sinceText, out var cursorError, "customerId, since") ?? 0;
            if (cursorError is not null)
            {
                errors.Add("cursor", cursorError);
            }
        }

        if (errors.Count > 0)
        {
            return CanonicalProblems.Invalid(errors);
        }

        // Asked before the ERP, and answered like an unknown customer: a caller cannot probe for account numbers; an account
        // that does not exist is 404 too, not an empty list (the cached customer port answers it).
        if (!context.CallerActsFor(customer!) || (await customers.GetCustomersAsync([customer!], cancellationToken)).Count == 0)
        {
            return CanonicalProblems.NotFound("customer", customer!);
        }

        var page = await documents.ListInvoicesAsync(customer!, day, offset, size, cancellationToken);
        var today = Today(time);
        // Only invoices of orders placed through the gateway have a canonical order, and only the customer's are shown.
        var items = page.Items
            .Where(i => i.CustomerId == customer)
            .Select(i => DocumentIds.OrderOfReference(i.OrderExternalReference) is { } orderId ? OrderDocumentViews.ToView(orderId, i, today) : null)
            .OfType<Invoice>()
            .ToList();
        var next = offset + page.Items.Count;
        var nextCursor = page.Items.Count > 0 && next < page.Total ? ProductCursor.Encode(next, customer, sinceText) : null;
        return TypedResults.Ok(new InvoiceList(items, nextCursor));
    }

    static async Task<Results<Ok<Invoice>, ProblemHttpResult>> GetInvoice(
        [MaxLength(IdempotencyKey.MaxLength)] string invoiceId, HttpContext context, IOrderStore store, IOrderDocumentSource documents, TimeProvider time, CancellationToken cancellationToken)
    {
        if (DocumentIds.OrderOfInvoice(invoiceId) is not { } orderId
            || await OrderDocumentAccess.OrderAsync(orderId, context, store, cancellationToken) is not { ErpOrderNumber: { } number } order
            || await documents.GetInvoiceAsync(number, cancellationToken) is not { } invoice
            || invoice.CustomerId != order.CustomerId)
        {
            return CanonicalProblems.NotFound("invoice", invoiceId);
        }

        return TypedResults.Ok(OrderDocumentViews.ToView(order.OrderId, invoice, Today(time)));
    }

    static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}

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
        OrderDocumentReads reads,
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
        var offset = 0;
        if (cursor is not null && customer is not null)
        {
            offset = OrderDocumentReads.Offset(cursor, customer, day, out var cursorError) ?? 0;
            if (cursorError is not null)
            {
                errors.Add("cursor", cursorError);
            }
        }

        if (errors.Count > 0)
        {
            return CanonicalProblems.Invalid(errors);
        }

        return await reads.InvoicesAsync(customer!, day, offset, size, context.CallerActsFor, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : CanonicalProblems.NotFound("customer", customer!);
    }

    static async Task<Results<Ok<Invoice>, ProblemHttpResult>> GetInvoice(
        [MaxLength(IdempotencyKey.MaxLength)] string invoiceId, HttpContext context, OrderDocumentReads reads, CancellationToken cancellationToken) =>
        await reads.InvoiceAsync(invoiceId, context.CallerActsFor, cancellationToken) is { } invoice
            ? TypedResults.Ok(invoice)
            : CanonicalProblems.NotFound("invoice", invoiceId);
}

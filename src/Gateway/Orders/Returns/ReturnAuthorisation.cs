using Gateway.Core.Orders;

namespace Gateway.Orders.Returns;

/// <summary>
/// A return authorisation (<c>GET /v1/returns/{returnId}</c>): <c>Requested</c>, then <c>Authorised</c> or
/// <c>Rejected</c> (with <c>rejectReason</c>); an authorised return is <c>Received</c>, then <c>Credited</c> with the
/// ERP's credit note number and amount (before tax, in <c>currency</c>).
/// </summary>
public sealed record ReturnAuthorisation(
    string ReturnId,
    string OrderId,
    string CustomerId,
    IReadOnlyList<ItemQuantity> Lines,
    string? Reason,
    ReturnStatus Status,
    string? RejectReason,
    string? CreditNoteNumber,
    decimal? CreditAmount,
    string Currency,
    DateTimeOffset RequestedAt,
    DateTimeOffset StatusChangedAt);

/// <summary>The body of <c>POST /v1/returns</c>: shipped lines of one order, quantities in eaches.</summary>
public sealed record ReturnRequestBody(string? OrderId, IReadOnlyList<ReturnLineRequest?>? Lines, string? Reason);

/// <summary>One line to return.</summary>
public sealed record ReturnLineRequest(string? Sku, int? Quantity);

using System.ComponentModel.DataAnnotations;
using Gateway.CanonicalApi.Validation;
using Gateway.Core.Orders;
using Gateway.Orders.Intake;

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
public sealed record ReturnRequestBody(
    [property: MaxLength(IdempotencyKey.MaxLength)] string? OrderId,
    [property: MaxLength(ReturnIntake.MaxLines)] IReadOnlyList<ReturnLineRequest?>? Lines,
    [property: MaxLength(ReturnIntake.MaxReasonLength)] string? Reason);

/// <summary>One line to return.</summary>
public sealed record ReturnLineRequest(
    [property: MaxLength(BatchKeys.MaxKeyLength)] string? Sku,
    [property: Range(1, LineBounds.MaxQuantity)] int? Quantity);

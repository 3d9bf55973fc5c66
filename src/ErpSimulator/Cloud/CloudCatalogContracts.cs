using System.Text.Json.Serialization;

namespace ErpSimulator.Cloud;

/// <summary>An item in the cloud dialect: lower-case status, unit of measure as code and pack size.</summary>
public sealed record CloudItem(
    string Sku,
    string Name,
    string Description,
    string Category,
    CloudUnitOfMeasure UnitOfMeasure,
    string Status,
    long Version,
    DateTimeOffset UpdatedAt);

/// <summary><c>each</c>, <c>box</c> or <c>case</c>, holding <paramref name="PackSize"/> eaches.</summary>
public sealed record CloudUnitOfMeasure(string Code, int PackSize);

public sealed record CloudAddress(string Line1, string City, string Region, string PostalCode, string Country);

public sealed record CloudShipTo(string Id, string Name, CloudAddress Address);

/// <summary>A customer account: status <c>active</c>/<c>inactive</c>, creditStatus <c>ok</c>/<c>hold</c>, paymentTerms <c>net30</c>.. or <c>cod</c>.</summary>
public sealed record CloudCustomer(
    string Id,
    string Name,
    string Status,
    string CreditStatus,
    string PaymentTerms,
    string Currency,
    CloudAddress BillTo,
    IReadOnlyList<CloudShipTo> ShipTos);

/// <summary>A page of a list ordered by key: <paramref name="Total"/> counts every match, not just this page.</summary>
public sealed record CloudPage<T>(IReadOnlyList<T> Data, int Offset, int Limit, int Total);

/// <summary>The records found for a batch of keys; unknown keys are absent.</summary>
public sealed record CloudList<T>(IReadOnlyList<T> Data);

/// <summary>Every error: <c>{ "error": { "code": "...", "message": "..." } }</c>.</summary>
public sealed record CloudError(CloudErrorBody Error);

/// <summary>
/// <paramref name="Code"/> is one of <c>bad_request</c>, <c>batch_too_large</c>, <c>not_found</c>, <c>conflict</c>,
/// <c>order_rejected</c>, <c>rate_limited</c>, <c>unavailable</c>, <c>internal_error</c>.
/// </summary>
public sealed record CloudErrorBody(
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null);

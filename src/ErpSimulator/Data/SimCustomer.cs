namespace ErpSimulator.Data;

public enum CustomerStatus
{
    Active,
    Inactive,
}

public enum CreditStatus
{
    Ok,
    Hold,
}

public enum PaymentTerms
{
    Net30,
    Net45,
    Net60,
    Cod,
}

public sealed record SimAddress(string Street, string City, string Region, string PostalCode, string Country);

/// <summary>A delivery address; its id is the customer id, a dash and two digits (<c>20001-01</c>).</summary>
public sealed record SimShipTo(string ShipToId, string Name, SimAddress Address);

/// <summary>A customer account; <paramref name="Currency"/> is <c>USD</c> or <c>CAD</c>.</summary>
public sealed record SimCustomer(
    string CustomerId,
    string Name,
    CustomerStatus Status,
    CreditStatus CreditStatus,
    PaymentTerms PaymentTerms,
    string Currency,
    SimAddress BillTo,
    IReadOnlyList<SimShipTo> ShipTos,
    long Version,
    DateTimeOffset UpdatedAt);

namespace Gateway.Core.Customers;

/// <summary>A customer account: who buys, on what terms, and where goods go.</summary>
/// <param name="PaymentTerms">Canonical terms code: <c>NET30</c>, <c>NET45</c>, <c>NET60</c> or <c>COD</c>.</param>
/// <param name="Currency">ISO 4217 code every price for this customer is quoted in.</param>
public sealed record Customer(
    string CustomerId,
    string Name,
    CustomerStatus Status,
    CreditStatus CreditStatus,
    string PaymentTerms,
    string Currency,
    Address BillTo,
    IReadOnlyList<ShipTo> ShipTos);

/// <summary>A postal address.</summary>
public sealed record Address(string Line1, string City, string Region, string PostalCode, string Country);

/// <summary>A delivery location of a customer.</summary>
public sealed record ShipTo(string ShipToId, string Name, Address Address);

/// <summary>Whether the account is open.</summary>
public enum CustomerStatus
{
    Active,
    Inactive,
}

/// <summary>The ERP's credit decision: orders from a customer on <see cref="Hold"/> wait for release.</summary>
public enum CreditStatus
{
    Ok,
    Hold,
}

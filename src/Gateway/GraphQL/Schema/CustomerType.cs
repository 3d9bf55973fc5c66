using Gateway.Core.Customers;
using GraphQL.Types;

namespace Gateway.GraphQL.Schema;

internal sealed class CustomerType : ObjectGraphType<Customer>
{
    public CustomerType()
    {
        Name = "Customer";
        Description = "A customer account: who buys, on what terms, and where goods go.";
        Field(c => c.CustomerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.Name);
        Field(c => c.Status, type: typeof(NonNullGraphType<CustomerStatusType>));
        Field(c => c.CreditStatus, type: typeof(NonNullGraphType<CreditStatusType>));
        Field(c => c.PaymentTerms).Description("NET30, NET45, NET60 or COD.");
        Field(c => c.Currency).Description("ISO 4217 code every price for this customer is quoted in.");
        Field<NonNullGraphType<AddressType>>("billTo").Resolve(c => c.Source.BillTo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShipToType>>>>("shipTos").Resolve(c => c.Source.ShipTos);
    }
}

internal sealed class ShipToType : ObjectGraphType<ShipTo>
{
    public ShipToType()
    {
        Name = "ShipTo";
        Description = "A delivery location of a customer.";
        Field(s => s.ShipToId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.Name);
        Field<NonNullGraphType<AddressType>>("address").Resolve(c => c.Source.Address);
    }
}

internal sealed class AddressType : ObjectGraphType<Address>
{
    public AddressType()
    {
        Name = "Address";
        Description = "A postal address.";
        Field(a => a.Line1);
        Field(a => a.City);
        Field(a => a.Region);
        Field(a => a.PostalCode);
        Field(a => a.Country);
    }
}

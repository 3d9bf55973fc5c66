using System.Reflection;
using System.Text.Json.Serialization;
using GraphQL.Types;

namespace Gateway.GraphQL.Schema;

/// <summary>
/// An enum whose GraphQL values are spelled exactly as the REST API spells them (<c>Active</c>, <c>Hold</c>, <c>contract</c>),
/// so a client reads one vocabulary in both; GraphQL.NET would otherwise rename them to CONSTANT_CASE.
/// </summary>
internal class CanonicalEnumType<TEnum> : EnumerationGraphType
    where TEnum : struct, Enum
{
    public CanonicalEnumType(string name, string description)
    {
        Name = name;
        Description = description;
        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var wireName = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
            Add(wireName, field.GetValue(null));
        }
    }
}

internal sealed class ProductStatusType() : CanonicalEnumType<Core.Catalog.ProductStatus>("ProductStatus", "Whether an item may be sold.");

internal sealed class PriceSourceType() : CanonicalEnumType<Core.Pricing.PriceSource>("PriceSource", "Which of the ERP's pricing rules won.");

internal sealed class CustomerStatusType() : CanonicalEnumType<Core.Customers.CustomerStatus>("CustomerStatus", "Whether the account is open.");

internal sealed class CreditStatusType()
    : CanonicalEnumType<Core.Customers.CreditStatus>("CreditStatus", "The ERP's credit decision: orders from a customer on Hold wait for release.");

internal sealed class OrderStatusType()
    : CanonicalEnumType<Orders.OrderStatus>("OrderStatus", "Where an order stands, in the order an order normally passes the statuses.");

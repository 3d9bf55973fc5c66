using Gateway.Edge;
using Gateway.GraphQL.Guardrails;
using GraphQL.Types;

namespace Gateway.GraphQL.Schema;

internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";

        Field<ProductConnectionType>("products")
            .Description("Products ordered by SKU, a page at a time. Needs catalog:read.")
            .Argument<ProductFilterInputType>("filter")
            .Argument<IntGraphType>("first", "Page size, 1 to 100.", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after", "The cursor of the last product already seen.")
            .RequireScope(Scopes.CatalogRead)
            .ResolveAsync(QueryResolvers.ProductsAsync);

        Field<ProductType>("product")
            .Description("One product by SKU; null when there is none. Needs catalog:read.")
            .Argument<NonNullGraphType<IdGraphType>>("sku")
            .RequireScope(Scopes.CatalogRead)
            .Resolve(QueryResolvers.Product);

        Field<CustomerType>("customer")
            .Description("A customer account the caller acts for; null with NOT_FOUND for any other, as for an unknown one. Needs orders:read, as REST.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireScope(Scopes.OrdersRead)
            .Resolve(QueryResolvers.Customer);

        Field<OrderType>("order")
            .Description("An order as GET /v1/orders/{orderId} shows it; null with NOT_FOUND for an unknown one or one of a customer the caller does not act for. Needs orders:read.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireScope(Scopes.OrdersRead)
            .ResolveAsync(OrderResolvers.OrderAsync);

        Field<InvoiceType>("invoice")
            .Description("An order's invoice as GET /v1/invoices/{invoiceId} shows it; null with NOT_FOUND for an unknown one or one of a customer the caller does not act for. Needs orders:read.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireScope(Scopes.OrdersRead)
            .ResolveAsync(DocumentResolvers.InvoiceAsync);

        Field<InvoiceListType>("invoices")
            .Description("A customer's invoices issued on or after `since` (UTC), oldest first, as GET /v1/invoices; a customer the caller does not act for is null with NOT_FOUND, as an unknown one. Needs orders:read.")
            .Argument<IdGraphType>("customerId", "Defaults to the one customer the caller acts for.")
            .Argument<DateOnlyGraphType>("since", "The first day (yyyy-MM-dd) of the invoices listed; all when absent.")
            .Argument<IntGraphType>("first", "Page size, 1 to 100.", a => a.DefaultValue = 50)
            .Argument<StringGraphType>("after", "The nextCursor of the page before.")
            .RequireScope(Scopes.OrdersRead)
            .ResolveAsync(DocumentResolvers.InvoicesAsync);

        Field<ReturnType>("return")
            .Description("A return as GET /v1/returns/{returnId} shows it; null with NOT_FOUND for an unknown one or one of a customer the caller does not act for. Needs orders:read.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireScope(Scopes.OrdersRead)
            .Resolve(DocumentResolvers.Return);

        Field<NonNullGraphType<ListGraphType<ReturnType>>>("returns")
            .Description("Returns by id, in the order asked, read together; an unknown one, or one of a customer the caller does not act for, is null. At most 50 ids. Needs orders:read.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .RequireScope(Scopes.OrdersRead)
            .ResolveAsync(DocumentResolvers.ReturnsAsync);
    }
}

/// <summary>The gateway's GraphQL schema; its SDL is committed at <c>api-specs/graphql/schema.graphql</c>.</summary>
internal sealed class GatewaySchema : global::GraphQL.Types.Schema
{
    public GatewaySchema(IServiceProvider services, QueryType query, MutationType mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Description = "Gateway: the distributor's catalog, prices, stock, customers, orders and their shipments, invoices and returns, composed in one round trip.";
    }
}

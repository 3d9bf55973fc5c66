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
        Description = "Gateway: the distributor's catalog, prices, stock, customers and orders, composed in one round trip.";
    }
}

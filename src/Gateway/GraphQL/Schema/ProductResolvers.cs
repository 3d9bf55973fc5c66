using Gateway.Core.Catalog;
using Gateway.Core.Orders;
using Gateway.Edge.Scoping;
using Gateway.GraphQL.Endpoint;
using GraphQL;

namespace Gateway.GraphQL.Schema;

internal static class ProductResolvers
{
    public static object? Price(IResolveFieldContext<Product> context)
    {
        var request = context.Request();
        var quantity = context.GetArgument("quantity", 1);
        if (LineBounds.QuantityProblem(quantity) is not null)
        {
            throw GraphQLErrors.BadArgument("quantity", $"must be between 1 and {LineBounds.MaxQuantity}.");
        }

        var customerId = context.GetArgument<string?>("customerId") ?? request.Http.ImpliedCustomer()
            ?? throw GraphQLErrors.BadArgument("customerId", "is required: the caller acts for more than one customer.");

        // Before any ERP call: a customer the caller does not act for is indistinguishable from one that does not exist.
        return request.Http.CallerActsFor(customerId)
            ? request.Loaders.Prices(customerId, quantity).Load(context.Source.Sku)
            : throw GraphQLErrors.CustomerNotFound(customerId);
    }

    public static object? Availability(IResolveFieldContext<Product> context) =>
        context.Request().Loaders.Stock.Load(context.Source.Sku);
}

using Gateway.Core;
using Gateway.Core.Catalog;
using Gateway.Edge.Scoping;
using Gateway.GraphQL.Endpoint;
using Gateway.GraphQL.Loading;
using GraphQL;

namespace Gateway.GraphQL.Schema;

internal static class QueryResolvers
{
    public static async Task<object?> ProductsAsync(IResolveFieldContext context)
    {
        var first = context.GetArgument("first", 20);
        if (first is < 1 or > GraphQLOptions.MaxPageSize)
        {
            throw GraphQLErrors.BadArgument("first", $"must be 1 to {GraphQLOptions.MaxPageSize}.");
        }

        var after = context.GetArgument<string?>("after");
        var offset = 0;
        if (after is not null)
        {
            offset = PageCursor.Decode(after) ?? throw GraphQLErrors.BadArgument("after", "is not a cursor this API gave out.");
        }

        var filter = context.GetArgument<ProductFilter?>("filter");
        var catalog = context.RequestServices!.GetRequiredService<ICatalogSource>();
        var page = await catalog.SearchAsync(new ProductSearch(Blank(filter?.Category), Blank(filter?.Q), offset, first), context.CancellationToken);
        return ProductConnection.From(page, offset);
    }

    public static object? Product(IResolveFieldContext context) =>
        context.Request().Loaders.Products.Load(context.GetArgument<string>("sku"));

    public static object? Customer(IResolveFieldContext context)
    {
        var request = context.Request();
        var customerId = context.GetArgument<string>("id");

        // Before any ERP call: a customer the caller does not act for is indistinguishable from one that does not exist.
        return request.Http.CallerActsFor(customerId)
            ? new LoadedOrError<Core.Customers.Customer>(request.Loaders.Customers.Load(customerId), () => GraphQLErrors.CustomerNotFound(customerId))
            : throw GraphQLErrors.CustomerNotFound(customerId);
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

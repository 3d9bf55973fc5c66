using ErpSimulator.Backends;
using ErpSimulator.Data;

namespace ErpSimulator.Cloud;

/// <summary>Items and customers: <c>items.list</c>, <c>items.get</c>, <c>customers.get</c>.</summary>
internal static class CloudCatalogEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapCloudCatalog(this RouteGroupBuilder api)
    {
        api.MapGet("/items", ListItems).WithName("listItems").WithTags("Items")
            .WithSummary("Pages through items (category, search, offset, limit <= 100), or returns the items named by skus=A,B (<= 100; unknown SKUs absent, no paging fields).")
            .Produces<CloudPage<CloudItem>>().ProducesCloudErrors(400);
        api.MapGet("/items/{sku}", GetItem).WithName("getItem").WithTags("Items")
            .Produces<CloudItem>().ProducesCloudErrors(404);
        api.MapGet("/customers", GetCustomers).WithName("getCustomers").WithTags("Customers")
            .WithSummary("The customers named by ids=A,B (<= 100; unknown ids absent).")
            .Produces<CloudList<CloudCustomer>>().ProducesCloudErrors(400);
        api.MapGet("/customers/{id}", GetCustomer).WithName("getCustomer").WithTags("Customers")
            .Produces<CloudCustomer>().ProducesCloudErrors(404);
        return api;
    }

    private static IResult ListItems(string? category, string? search, int? offset, int? limit, string? skus, ErpDataSet data, SimulatorStats stats)
    {
        if (skus is not null)
        {
            var valid = CloudKeys.TryParse(skus, "skus", out var keys, out var error);
            stats.Cloud.Record("items.get", keys.Length);
            return valid ? TypedResults.Ok(new CloudList<CloudItem>([.. data.FindItems(keys).Select(i => i.ToCloud())])) : error!;
        }

        var from = offset ?? 0;
        var size = limit ?? DefaultPageSize;
        if (from < 0)
        {
            return CloudErrors.BadRequest("offset", "offset must be 0 or more.");
        }

        if (size is < 1 or > CloudKeys.MaxBatch)
        {
            return CloudErrors.BadRequest("limit", "limit must be between 1 and 100.");
        }

        var page = data.SearchItems(category, search, from, size);
        stats.Cloud.Record("items.list", page.Items.Count);
        return TypedResults.Ok(new CloudPage<CloudItem>([.. page.Items.Select(i => i.ToCloud())], from, size, page.Total));
    }

    private static IResult GetItem(string sku, ErpDataSet data, SimulatorStats stats)
    {
        stats.Cloud.Record("items.get", 1);
        return data.FindItem(sku) is { } item ? TypedResults.Ok(item.ToCloud()) : CloudErrors.NotFound($"No item with SKU '{sku}'.");
    }

    private static IResult GetCustomers(string? ids, ErpDataSet data, SimulatorStats stats)
    {
        var valid = CloudKeys.TryParse(ids, "ids", out var keys, out var error);
        stats.Cloud.Record("customers.get", keys.Length);
        return valid ? TypedResults.Ok(new CloudList<CloudCustomer>([.. data.FindCustomers(keys).Select(c => c.ToCloud())])) : error!;
    }

    private static IResult GetCustomer(string id, ErpDataSet data, SimulatorStats stats)
    {
        stats.Cloud.Record("customers.get", 1);
        return data.FindCustomer(id) is { } customer ? TypedResults.Ok(customer.ToCloud()) : CloudErrors.NotFound($"No customer with id '{id}'.");
    }
}

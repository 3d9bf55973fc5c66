using ErpSimulator.Backends;
using ErpSimulator.Data;

namespace ErpSimulator.Cloud;

/// <summary>Stock by location: <c>inventory.get</c>.</summary>
internal static class CloudInventoryEndpoints
{
    public static RouteGroupBuilder MapCloudInventory(this RouteGroupBuilder api)
    {
        api.MapGet("/inventory", GetInventory).WithName("getInventory").WithTags("Inventory")
            .WithSummary("Stock per location for up to 100 SKUs (unknown SKUs absent).")
            .Produces<CloudList<CloudInventory>>().ProducesCloudErrors(400);
        return api;
    }

    private static IResult GetInventory(string? skus, ErpDataSet data, SimulatorStats stats)
    {
        var valid = CloudKeys.TryParse(skus, "skus", out var keys, out var error);
        stats.Cloud.Record("inventory.get", keys.Length);
        return valid
            ? TypedResults.Ok(new CloudList<CloudInventory>([.. keys.Select(data.Stock).OfType<SimStock>().Select(s => s.ToCloud())]))
            : error!;
    }
}

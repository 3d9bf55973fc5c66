using System.ComponentModel.DataAnnotations;
using Gateway.Caching;
using Gateway.CanonicalApi.Problems;
using Gateway.CanonicalApi.Validation;
using Gateway.Core;
using Gateway.Core.Inventory;
using Gateway.Edge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Inventory;

/// <summary><c>/v1/inventory</c>: available-to-promise stock, per SKU or for a batch (scope <c>inventory:read</c>).</summary>
public static class InventoryEndpoints
{
    public static RouteGroupBuilder MapInventory(this RouteGroupBuilder v1)
    {
        var inventory = v1.MapGroup("/inventory").WithTags("Inventory").RequireAuthorization(Scopes.InventoryRead).KeepsAnswers();
        inventory.MapGet("/", GetStockBatch)
            .WithName("GetStockBatch")
            .WithSummary("Stock of up to 200 SKUs; unknown SKUs are listed under missing.");
        inventory.MapGet("/{sku}", GetStock)
            .WithName("GetStock")
            .WithSummary("Stock of one SKU, in total and per warehouse.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    static async Task<Results<Ok<StockLevel>, ProblemHttpResult>> GetStock([MaxLength(BatchKeys.MaxKeyLength)] string sku, IStockSource stock, CancellationToken cancellationToken)
    {
        var found = sku.Length <= BatchKeys.MaxKeyLength ? await stock.GetStockAsync([sku], cancellationToken) : [];
        return found.Count > 0 ? TypedResults.Ok(found[0]) : CanonicalProblems.NotFound("SKU", sku);
    }

    static async Task<Results<Ok<StockList>, ValidationProblem>> GetStockBatch(
        IStockSource stock, CancellationToken cancellationToken, [FromQuery] string[]? sku = null)
    {
        var skus = BatchKeys.Read(sku, out var error);
        if (skus is null)
        {
            return CanonicalProblems.Invalid(new FieldErrors { ["sku"] = [error!] });
        }

        var levels = await stock.GetStockAsync(skus, cancellationToken);
        var known = levels.Select(l => l.Sku).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new StockList(levels, [.. skus.Where(s => !known.Contains(s))]));
    }
}

/// <summary>The answer of <c>GET /v1/inventory?sku=A&amp;sku=B</c>: the stock of the known SKUs, in the order asked, and the unknown ones.</summary>
public sealed record StockList(IReadOnlyList<StockLevel> Items, IReadOnlyList<string> Missing);

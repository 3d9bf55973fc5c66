using System.ComponentModel.DataAnnotations;
using Gateway.Caching;
using Gateway.CanonicalApi.Problems;
using Gateway.CanonicalApi.Validation;
using Gateway.Core;
using Gateway.Core.Catalog;
using Gateway.Edge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Catalog;

/// <summary><c>/v1/products</c>: the item master, searched page by page or read by SKU (scope <c>catalog:read</c>).</summary>
public static class ProductEndpoints
{
    /// <summary>Page size when the caller sets none.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Largest page; bigger pages would cost several ERP calls for one request.</summary>
    public const int MaxLimit = 200;

    /// <summary>Longest category or search text: the ERPs' own fields are shorter, and each filter is part of a kept answer's key.</summary>
    public const int MaxFilterLength = 200;

    public static RouteGroupBuilder MapProducts(this RouteGroupBuilder v1)
    {
        var products = v1.MapGroup("/products").WithTags("Products").RequireAuthorization(Scopes.CatalogRead).KeepsAnswers();
        products.MapGet("/", ListProducts)
            .WithName("ListProducts")
            .WithSummary("Products filtered by category and text, ordered by SKU, one page at a time.");
        products.MapGet("/{sku}", GetProduct)
            .WithName("GetProduct")
            .WithSummary("One product by SKU.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    static async Task<Results<Ok<ProductList>, ValidationProblem>> ListProducts(
        ICatalogSource catalog,
        CancellationToken cancellationToken,
        [MaxLength(MaxFilterLength)] string? category = null,
        [MaxLength(MaxFilterLength)] string? q = null,
        [Range(1, MaxLimit)] int? limit = null,
        [MaxLength(ProductCursor.MaxLength)] string? cursor = null)
    {
        var errors = new FieldErrors();
        if (category is { Length: > MaxFilterLength })
        {
            errors.Add("category", $"At most {MaxFilterLength} characters.");
        }

        if (q is { Length: > MaxFilterLength })
        {
            errors.Add("q", $"At most {MaxFilterLength} characters.");
        }

        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"Must be between 1 and {MaxLimit}.");
        }

        var offset = 0;
        if (cursor is not null)
        {
            offset = ProductCursor.Decode(cursor, category, q, out var cursorError) ?? 0;
            if (cursorError is not null)
            {
                errors.Add("cursor", cursorError);
            }
        }

        if (errors.Count > 0)
        {
            return CanonicalProblems.Invalid(errors);
        }

        var search = new ProductSearch(Blank(category), Blank(q), offset, size);
        var page = await catalog.SearchAsync(search, cancellationToken);
        var next = offset + page.Items.Count;
        var nextCursor = page.Items.Count > 0 && next < page.Total ? ProductCursor.Encode(next, category, q) : null;
        return TypedResults.Ok(new ProductList(page.Items, nextCursor));
    }

    static async Task<Results<Ok<Product>, ProblemHttpResult>> GetProduct([MaxLength(BatchKeys.MaxKeyLength)] string sku, ICatalogSource catalog, CancellationToken cancellationToken)
    {
        var found = sku.Length <= BatchKeys.MaxKeyLength ? await catalog.GetProductsAsync([sku], cancellationToken) : [];
        return found.Count > 0 ? TypedResults.Ok(found[0]) : CanonicalProblems.NotFound("product", sku);
    }

    static string? Blank(string? filter) => string.IsNullOrWhiteSpace(filter) ? null : filter.Trim();
}

/// <summary>One page of products; <c>nextCursor</c> is null on the last page.</summary>
public sealed record ProductList(IReadOnlyList<Product> Items, string? NextCursor);

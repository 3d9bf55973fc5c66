using Gateway.Core.Catalog;
using GraphQL.Types;

namespace Gateway.GraphQL.Schema;

/// <summary>One page of a product search in the Relay connection shape.</summary>
internal sealed record ProductConnection(IReadOnlyList<ProductEdge> Edges, PageInfo PageInfo, int TotalCount)
{
    public static ProductConnection From(ProductPage page, int offset)
    {
        var edges = page.Items.Select((p, i) => new ProductEdge(PageCursor.Encode(offset + i + 1), p)).ToArray();
        var pageInfo = new PageInfo(
            HasNextPage: offset + page.Items.Count < page.Total,
            HasPreviousPage: offset > 0,
            StartCursor: edges.FirstOrDefault()?.Cursor,
            EndCursor: edges.LastOrDefault()?.Cursor);
        return new ProductConnection(edges, pageInfo, page.Total);
    }
}

/// <param name="Cursor">Passed as <c>after</c>, it continues after this product.</param>
internal sealed record ProductEdge(string Cursor, Product Node);

internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>The filter of <c>products</c>: the same as REST's <c>category</c> and <c>q</c>.</summary>
internal sealed class ProductFilter
{
    public string? Category { get; set; }

    public string? Q { get; set; }
}

internal sealed class ProductConnectionType : ObjectGraphType<ProductConnection>
{
    public ProductConnectionType()
    {
        Name = "ProductConnection";
        Description = "A page of products, ordered by SKU.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field(c => c.TotalCount).Description("Products matching the filter, on every page.");
    }
}

internal sealed class ProductEdgeType : ObjectGraphType<ProductEdge>
{
    public ProductEdgeType()
    {
        Name = "ProductEdge";
        Field(e => e.Cursor).Description("Opaque; pass it as `after` to continue after this product.");
        Field<NonNullGraphType<ProductType>>("node").Resolve(c => c.Source.Node);
    }
}

internal sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field(p => p.HasNextPage);
        Field(p => p.HasPreviousPage);
        Field(p => p.StartCursor, nullable: true);
        Field(p => p.EndCursor, nullable: true);
    }
}

internal sealed class ProductFilterInputType : InputObjectGraphType<ProductFilter>
{
    public ProductFilterInputType()
    {
        Name = "ProductFilter";
        Field(f => f.Category, nullable: true).Description("Exact category name, case-insensitive.");
        Field(f => f.Q, nullable: true).Description("Case-insensitive substring of the name or description.");
    }
}

namespace Gateway.Core.Catalog;

/// <summary>A filtered, ordered (by SKU) window over the item master.</summary>
/// <param name="Category">Exact category name, case-insensitive; null for all.</param>
/// <param name="Text">Case-insensitive substring of the name or description; null for all.</param>
public sealed record ProductSearch(string? Category, string? Text, int Offset, int Limit);

/// <summary>One window of a product search and the number of matches in all.</summary>
public sealed record ProductPage(IReadOnlyList<Product> Items, int Total);

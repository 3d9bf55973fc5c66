using System.Collections.Concurrent;
using Gateway.Core.Catalog;
using Microsoft.Extensions.Options;

namespace Gateway.Caching;

/// <summary>
/// Product search pages (category, text, window) on this instance. A page keeps only which SKUs it holds and the
/// total: its products are read through the products region, so their fields are exactly as fresh as any product read.
/// Any product's change, seen here by ingestion or by the change stream, drops every page, since it may move a product
/// into or out of any of them; pages begun before such a change are never kept. L1 only: the drop is this instance's
/// own, and Redis could not tell which instance's pages are still good.
/// </summary>
internal sealed class ProductPageCache
{
    const int MaxPages = 10_000;
    static readonly string ProductKeys = CacheKeys.Products + ":";

    readonly ConcurrentDictionary<ProductSearch, PageEntry> _pages = new();
    readonly TimeSpan _ttl;
    readonly TimeProvider _time;
    readonly CacheOutcomes _outcomes;
    long _epoch;

    public ProductPageCache(CacheStore store, IOptions<CachingOptions> options, TimeProvider time, CacheOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _ttl = options.Value.ProductsTtl;
        _time = time;
        _outcomes = outcomes;
        store.Invalidated += key =>
        {
            if (key is null || key.StartsWith(ProductKeys, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _epoch);
                _pages.Clear();
            }
        };
    }

    /// <param name="query">The search: category, text and window.</param>
    /// <param name="search">Asks the ERP for the page.</param>
    /// <param name="products">Reads products by SKU through the cache.</param>
    /// <param name="region">The products region, primed with the page's products so the next read of the page asks nothing.</param>
    public async Task<ProductPage> GetAsync(
        ProductSearch query,
        Func<ProductSearch, CancellationToken, Task<ProductPage>> search,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<Product>>> products,
        CacheRegion<Product> region,
        CancellationToken cancellationToken)
    {
        var epoch = Interlocked.Read(ref _epoch);
        var reads = _outcomes.Reads;
        if (_pages.TryGetValue(query, out var entry) && entry.Epoch == epoch && entry.Expires > _time.GetUtcNow())
        {
            // Kept answers built on this page hold while it is still the page for this search.
            reads?.Other(now => Holds(query, entry, now));
            var items = await products(entry.Skus, cancellationToken);
            if (items.Count == entry.Skus.Length)
            {
                return new ProductPage(items, entry.Total);
            }
        }

        reads?.Untracked();
        var page = await search(query, cancellationToken);
        region.PrimeLocal(page.Items.Select(p => KeyValuePair.Create(p.Sku, p)), () => Interlocked.Read(ref _epoch) == epoch);
        if (_pages.Count >= MaxPages)
        {
            // Many distinct searches (free text): start over rather than stop keeping new pages.
            _pages.Clear();
        }

        // Stored with the epoch read before asking: a change meanwhile has moved the epoch on, so it never counts.
        _pages[query] = new PageEntry([.. page.Items.Select(p => p.Sku)], page.Total, epoch, _time.GetUtcNow() + _ttl);

        return page;
    }

    bool Holds(ProductSearch query, PageEntry entry, DateTimeOffset now) =>
        entry.Expires > now && entry.Epoch == Interlocked.Read(ref _epoch) && _pages.TryGetValue(query, out var current) && ReferenceEquals(current, entry);

    sealed record PageEntry(string[] Skus, int Total, long Epoch, DateTimeOffset Expires);
}

using System.ComponentModel.DataAnnotations;

namespace Gateway.Caching;

/// <summary>
/// How long canonical answers are served from cache (<c>Caching:*</c>). Change events keep entries fresh; the time to
/// live is the backstop should an event be lost. Max staleness bounds stale-if-error: past it, an ERP failure is the
/// caller's answer. Stock changes fastest and oversells when stale, so its bounds are the shortest.
/// </summary>
public sealed class CachingOptions
{
    public const string SectionName = "Caching";

    const string Min = "00:00:00.001";
    const string Max = "7.00:00:00";

    /// <summary>Products (item master). Default: 10 minutes.</summary>
    [Range(typeof(TimeSpan), Min, Max)] public TimeSpan ProductsTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Default: 1 hour.</summary>
    [Range(typeof(TimeSpan), Min, Max)] public TimeSpan ProductsMaxStaleness { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Customer accounts. Default: 10 minutes.</summary>
    [Range(typeof(TimeSpan), Min, Max)] public TimeSpan CustomersTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Default: 1 hour.</summary>
    [Range(typeof(TimeSpan), Min, Max)] public TimeSpan CustomersMaxStaleness { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Price components (list prices, promotions, contract overlays). Default: 5 minutes.</summary>
    [Range(typeof(TimeSpan), Min, Max)] public TimeSpan PricesTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Default: 30 minutes.</summary>
    [Range(typeof(TimeSpan), Min, Max)] public TimeSpan PricesMaxStaleness { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Stock levels. Default: 15 seconds.</summary>
    [Range(typeof(TimeSpan), Min, Max)] public TimeSpan StockTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Default: 1 minute.</summary>
    [Range(typeof(TimeSpan), Min, Max)] public TimeSpan StockMaxStaleness { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// An order's shipments and invoice: they change a few times in an order's life, each time announced by the order's
    /// events. Default: 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), Min, Max)] public TimeSpan OrderDocumentsTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Default: 1 hour.</summary>
    [Range(typeof(TimeSpan), Min, Max)] public TimeSpan OrderDocumentsMaxStaleness { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a whole answer of <c>GET /v1/products</c>, <c>/inventory</c>, <c>/prices</c> and <c>/customers</c> may be
    /// kept and sent again without building it: for the same path and query, to callers with the same scopes and
    /// customers. It is only sent while every cached entry it was built from is still the current, fresh one, so a change
    /// event or an expired entry retires it at once; answers that needed the ERP or were served stale are never kept.
    /// Zero turns it off. Default: 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")] public TimeSpan KeepAnswersFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Entries the in-process level holds at most, all domains together. Default: 200,000.</summary>
    [Range(1_000, 10_000_000)] public int MaxLocalEntries { get; set; } = 200_000;

    /// <summary>The longest a Redis command may take before the gateway carries on without it. Default: 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")] public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromSeconds(1);

    internal CachePolicy Products => new(ProductsTtl, ProductsMaxStaleness);

    internal CachePolicy Customers => new(CustomersTtl, CustomersMaxStaleness);

    internal CachePolicy Prices => new(PricesTtl, PricesMaxStaleness);

    internal CachePolicy OrderDocuments => new(OrderDocumentsTtl, OrderDocumentsMaxStaleness);

    internal CachePolicy Stock => new(StockTtl, StockMaxStaleness);
}

/// <summary>Fresh for <paramref name="Ttl"/>; servable when the ERP fails until <paramref name="MaxStaleness"/> (never less than the TTL).</summary>
internal readonly record struct CachePolicy(TimeSpan Ttl, TimeSpan MaxStaleness)
{
    public TimeSpan Retention => MaxStaleness > Ttl ? MaxStaleness : Ttl;
}

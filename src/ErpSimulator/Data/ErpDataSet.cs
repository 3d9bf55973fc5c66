using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ErpSimulator.Data;

/// <summary>
/// The one data set both ERPs serve. Records are immutable; a change swaps a whole record in its slot under one write
/// lock, so reads (the hot path under load) take no lock and always see a consistent record.
/// </summary>
public sealed partial class ErpDataSet
{
    private readonly SimItem[] _items;
    private readonly SimStock[] _stock;
    private readonly SimListPrice[] _listPrices;
    private readonly SimPromotion?[] _promotions;
    private readonly SimCustomer[] _customers;
    private readonly Dictionary<string, SimContractPrice>[] _contracts; // per customer, copy-on-write
    private readonly long[] _skuSequences;
    private readonly long[] _customerSequences;
    private readonly FrozenDictionary<string, int[]> _itemsByCategory;
    private readonly Lock _writeLock = new();
    private readonly TimeProvider _time;

    public ErpDataSet(IOptions<SimulatorOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _time = time;
        var seed = DataSetGenerator.Generate(settings.Seed, settings.Skus, settings.Customers);
        (_items, _stock, _listPrices, _promotions, _customers, _contracts) =
            (seed.Items, seed.Stock, seed.ListPrices, seed.Promotions, seed.Customers, seed.Contracts);
        _skuSequences = [.. Enumerable.Repeat(1L, _items.Length)];
        _customerSequences = [.. Enumerable.Repeat(1L, _customers.Length)];
        _itemsByCategory = Enumerable.Range(0, _items.Length)
            .GroupBy(i => _items[i].Category, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every change, in order; the legacy <c>GetChanges</c> feed and the webhooks read it.</summary>
    public ChangeLog Changes { get; } = new();

    public int SkuCount => _items.Length;

    public int CustomerCount => _customers.Length;

    public IReadOnlyCollection<string> Categories => _itemsByCategory.Keys;

    /// <summary>The changes after <paramref name="sinceToken"/> (0 = from the beginning), oldest first, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<ChangeEvent> ChangesSince(long sinceToken, int max) => Changes.Since(sinceToken, max);

    public SimItem? FindItem(string? sku) => TrySku(sku, out var i) ? Volatile.Read(ref _items[i]) : null;

    /// <summary>The known items among <paramref name="skus"/>, in the order asked, each once; unknown SKUs are absent.</summary>
    public IReadOnlyList<SimItem> FindItems(IEnumerable<string> skus) => Collect(skus, FindItem);

    /// <summary>Items of a category (exact, any case) whose name or description contains <paramref name="text"/> (any case), ordered by SKU.</summary>
    public ItemPage SearchItems(string? category, string? text, int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        IEnumerable<int> candidates = string.IsNullOrWhiteSpace(category)
            ? Enumerable.Range(0, _items.Length)
            : _itemsByCategory.GetValueOrDefault(category.Trim(), []);
        var page = new List<SimItem>(Math.Min(limit, 1000));
        var total = 0;
        foreach (var index in candidates)
        {
            var item = Volatile.Read(ref _items[index]);
            if (!string.IsNullOrEmpty(text)
                && !item.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                && !item.Description.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (total >= offset && page.Count < limit)
            {
                page.Add(item);
            }

            total++;
        }

        return new ItemPage(page, total);
    }

    public SimCustomer? FindCustomer(string? customerId) =>
        TryCustomer(customerId, out var c) ? Volatile.Read(ref _customers[c]) : null;

    /// <summary>The known customers among <paramref name="customerIds"/>, in the order asked, each once.</summary>
    public IReadOnlyList<SimCustomer> FindCustomers(IEnumerable<string> customerIds) => Collect(customerIds, FindCustomer);

    public SimListPrice? ListPrice(string? sku) => TrySku(sku, out var i) ? Volatile.Read(ref _listPrices[i]) : null;

    /// <summary>The promotion of a SKU (active, expired or future); null when it has none.</summary>
    public SimPromotion? Promotion(string? sku) => TrySku(sku, out var i) ? _promotions[i] : null;

    /// <summary>A customer's contract prices ordered by SKU; null for an unknown customer.</summary>
    public IReadOnlyList<SimContractPrice>? ContractPrices(string? customerId) =>
        TryCustomer(customerId, out var c)
            ? [.. Volatile.Read(ref _contracts[c]).Values.OrderBy(p => p.Sku, StringComparer.Ordinal)]
            : null;

    public SimContractPrice? ContractPrice(string? customerId, string? sku) =>
        TryCustomer(customerId, out var c) && sku is not null ? Volatile.Read(ref _contracts[c]).GetValueOrDefault(sku) : null;

    /// <summary>A SKU's stock in every warehouse; null for an unknown SKU.</summary>
    public SimStock? Stock(string? sku) => TrySku(sku, out var i) ? Volatile.Read(ref _stock[i]) : null;

    /// <summary>Whether <paramref name="sku"/> is a canonical SKU of this data set (six digits, in range).</summary>
    public bool TrySku(string? sku, out int index) => TryKey(sku, 6, DataSetKeys.FirstSku, _items.Length, out index);

    private bool TryCustomer(string? customerId, out int index) =>
        TryKey(customerId, 5, DataSetKeys.FirstCustomer, _customers.Length, out index);

    private static bool TryKey(string? key, int digits, int first, int count, out int index)
    {
        index = -1;
        if (key is null || key.Length != digits
            || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        index = value - first;
        return index >= 0 && index < count;
    }

    private static List<T> Collect<T>(IEnumerable<string> keys, Func<string, T?> find)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(keys);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<T>();
        foreach (var key in keys)
        {
            if (seen.Add(key) && find(key) is { } record)
            {
                found.Add(record);
            }
        }

        return found;
    }

    private DateTimeOffset NowToTheSecond()
    {
        var now = _time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}

/// <summary>One page of a search and the number of items that match in all.</summary>
public sealed record ItemPage(IReadOnlyList<SimItem> Items, int Total);

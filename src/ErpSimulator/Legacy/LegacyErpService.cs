using ErpSimulator.Backends;
using ErpSimulator.Data;
using ErpSimulator.Legacy.Contract;
using Microsoft.Extensions.Options;

namespace ErpSimulator.Legacy;

/// <summary>
/// The legacy ERP's operations over the shared data set. Every call goes through <see cref="ServeAsync{T}"/>:
/// the concurrency cap, statistics, simulated latency and injected faults, in that order.
/// </summary>
internal sealed partial class LegacyErpService(
    ErpDataSet data,
    SimulatorStats stats,
    CallLatency latency,
    FaultInjection faults,
    IOptions<SimulatorOptions> options,
    IHttpContextAccessor http) : ILegacyErpService
{
    /// <summary>Item or customer numbers per call; more is refused with BatchTooLarge.</summary>
    public const int MaxBatch = 50;

    /// <summary>Changes per GetChanges call.</summary>
    public const int MaxChanges = 500;

    private readonly int _maxConcurrency = options.Value.Legacy.MaxConcurrency;

    public Task<GetItemsResult> GetItems(string[] ItemNumbers) =>
        ServeAsync(nameof(GetItems), ItemNumbers?.Length ?? 0, () =>
        {
            var skus = Skus(ItemNumbers);
            return new GetItemsResult { Items = [.. data.FindItems(skus).Select(LegacyDialect.ToLegacy)] };
        });

    public Task<SearchItemsResult> SearchItems(string? Category, string? Text, int StartRow, int MaxRows) =>
        ServeAsync(nameof(SearchItems), 0, () =>
        {
            if (StartRow < 0)
            {
                throw LegacyFault.Invalid(nameof(StartRow), "must be 0 or more.");
            }

            if (MaxRows < 1)
            {
                throw LegacyFault.Invalid(nameof(MaxRows), $"must be 1 to {MaxBatch}.");
            }

            if (MaxRows > MaxBatch)
            {
                throw LegacyFault.TooLarge(nameof(MaxRows), MaxRows, MaxBatch);
            }

            var page = data.SearchItems(Category, Text, StartRow, MaxRows);
            return new SearchItemsResult { Items = [.. page.Items.Select(LegacyDialect.ToLegacy)], TotalRows = page.Total };
        });

    public Task<GetCustomersResult> GetCustomers(string[] CustomerNumbers) =>
        ServeAsync(nameof(GetCustomers), CustomerNumbers?.Length ?? 0, () =>
        {
            var ids = Batch(CustomerNumbers, nameof(CustomerNumbers)).Select(n => LegacyDialect.CustomerId(n, nameof(CustomerNumbers))).ToList();
            return new GetCustomersResult { Customers = [.. data.FindCustomers(ids).Select(LegacyDialect.ToLegacy)] };
        });

    public Task<GetPriceQuoteResult> GetPriceQuote(string CustomerNumber, string Quantity, string[] ItemNumbers) =>
        ServeAsync(nameof(GetPriceQuote), ItemNumbers?.Length ?? 0, () =>
        {
            var skus = Skus(ItemNumbers);
            var customerId = LegacyDialect.CustomerId(CustomerNumber);
            var quantity = LegacyDialect.ParseQuantity(Quantity);
            if (quantity < 1 || quantity != decimal.Truncate(quantity) || quantity > int.MaxValue)
            {
                throw LegacyFault.Invalid(nameof(Quantity), $"'{Quantity}' must be a whole number of eaches, 1 or more.");
            }

            var quote = data.Quote(customerId, (int)quantity, skus) ?? throw LegacyFault.Missing(nameof(CustomerNumber), CustomerNumber);
            return new GetPriceQuoteResult { Currency = quote.Currency, Lines = [.. quote.Lines.Select(LegacyDialect.ToLegacy)] };
        });

    public Task<GetListPricesResult> GetListPrices(string Currency, string[] ItemNumbers) =>
        ServeAsync(nameof(GetListPrices), ItemNumbers?.Length ?? 0, () =>
        {
            var skus = Skus(ItemNumbers);
            var currency = Currency?.Trim().ToUpperInvariant();
            if (currency is not (Currencies.Usd or Currencies.Cad))
            {
                throw LegacyFault.Invalid(nameof(Currency), $"'{Currency}' is not USD or CAD.");
            }

            var prices = skus.Distinct(StringComparer.Ordinal)
                .Select(data.ListPrice)
                .OfType<SimListPrice>()
                .Select(p => new LegacyListPrice
                {
                    ItemNumber = LegacyDialect.ItemNumber(p.Sku),
                    Currency = currency,
                    Breaks = LegacyDialect.ToLegacy(p.In(currency)!),
                });
            return new GetListPricesResult { ListPrices = [.. prices] };
        });

    public Task<GetContractPricesResult> GetContractPrices(string CustomerNumber) =>
        ServeAsync(nameof(GetContractPrices), 1, () =>
        {
            var customerId = LegacyDialect.CustomerId(CustomerNumber);
            var prices = data.ContractPrices(customerId) ?? throw LegacyFault.Missing(nameof(CustomerNumber), CustomerNumber);
            return new GetContractPricesResult
            {
                ContractPrices = [.. prices.Select(p => new LegacyContractPrice
                {
                    ItemNumber = LegacyDialect.ItemNumber(p.Sku),
                    Currency = p.Currency,
                    Breaks = LegacyDialect.ToLegacy(p.Breaks),
                })],
            };
        });

    public Task<GetPromotionsResult> GetPromotions(string[] ItemNumbers) =>
        ServeAsync(nameof(GetPromotions), ItemNumbers?.Length ?? 0, () =>
        {
            var promotions = Skus(ItemNumbers).Distinct(StringComparer.Ordinal).Select(data.Promotion).OfType<SimPromotion>();
            return new GetPromotionsResult { Promotions = [.. promotions.Select(LegacyDialect.ToLegacy)] };
        });

    public Task<GetStockResult> GetStock(string[] ItemNumbers) =>
        ServeAsync(nameof(GetStock), ItemNumbers?.Length ?? 0, () =>
        {
            var stock = Skus(ItemNumbers).Distinct(StringComparer.Ordinal).Select(data.Stock).OfType<SimStock>();
            return new GetStockResult { Stock = [.. stock.SelectMany(LegacyDialect.ToLegacy)] };
        });

    /// <summary>
    /// The call pipeline. The cap comes first and refuses at once: the real ERP has a fixed pool of work
    /// processes and answers ServerBusy rather than queueing. Latency is spent holding the slot, as the real one does.
    /// </summary>
    private async Task<T> ServeAsync<T>(string operation, int items, Func<T> answer)
    {
        using var call = stats.Legacy.TryEnter(_maxConcurrency) ?? throw Busy();
        stats.Legacy.Record(operation, items);
        await latency.DelayAsync(Backend.Legacy, http.HttpContext?.RequestAborted ?? CancellationToken.None);
        switch (faults.Roll(Backend.Legacy))
        {
            case FaultOutcome.Outage:
                throw LegacyFault.Down("The legacy ERP is down (injected outage).");
            case FaultOutcome.Error:
                throw LegacyFault.Down("The legacy ERP failed this call (injected error rate).");
        }

        return answer();
    }

    private LegacyFaultException Busy()
    {
        stats.Legacy.BusyFault();
        return LegacyFault.Busy(_maxConcurrency);
    }

    private static List<string> Skus(string[]? itemNumbers) =>
        [.. Batch(itemNumbers, "ItemNumbers").Select(n => LegacyDialect.Sku(n, "ItemNumbers"))];

    private static string[] Batch(string[]? numbers, string field) =>
        numbers is { Length: > MaxBatch } ? throw LegacyFault.TooLarge(field, numbers.Length, MaxBatch) : numbers ?? [];
}

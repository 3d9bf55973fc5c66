using ErpSimulator.Data;
using ErpSimulator.Legacy.Contract;

namespace ErpSimulator.Legacy;

/// <summary>Sales orders and the change feed.</summary>
internal sealed partial class LegacyErpService
{
    public Task<CreateSalesOrderResult> CreateSalesOrder(
        string ExternalRef, string CustomerNumber, string ShipTo, string? PoNumber, LegacyOrderLine[] Lines) =>
        ServeAsync(nameof(CreateSalesOrder), Lines?.Length ?? 0, () =>
        {
            if (Lines is { Length: > MaxBatch })
            {
                throw LegacyFault.TooLarge(nameof(Lines), Lines.Length, MaxBatch);
            }

            var request = LegacyDialect.FromLegacy(ExternalRef, CustomerNumber, ShipTo, PoNumber, Lines);
            var placement = data.PlaceOrder(request);
            return new CreateSalesOrderResult
            {
                OrderNumber = placement.Order.Number.Legacy,
                ExternalRef = placement.Order.ExternalRef,
                Status = LegacyDialect.Code(placement.Order.Status),
                Created = placement.Created,
            };
        });

    public Task<GetSalesOrdersResult> GetSalesOrders(string[]? OrderNumbers, string? ExternalRef) =>
        ServeAsync(nameof(GetSalesOrders), OrderNumbers?.Length ?? (ExternalRef is null ? 0 : 1), () =>
        {
            var numbers = Batch(OrderNumbers, nameof(OrderNumbers));
            if (numbers.Length == 0 && string.IsNullOrWhiteSpace(ExternalRef))
            {
                throw LegacyFault.Invalid(nameof(OrderNumbers), "give OrderNumbers or ExternalRef.");
            }

            var orders = numbers.Select(n => ParseOrderNumber(n)).Distinct().Select(data.FindOrder)
                .Concat(string.IsNullOrWhiteSpace(ExternalRef) ? [] : [data.FindOrderByExternalRef(ExternalRef)])
                .OfType<SimSalesOrder>()
                .DistinctBy(o => o.Number);
            return new GetSalesOrdersResult { SalesOrders = [.. orders.Select(LegacyDialect.ToLegacy)] };
        });

    public Task<GetChangesResult> GetChanges(string? SinceToken, int MaxCount) =>
        ServeAsync(nameof(GetChanges), 0, () =>
        {
            if (MaxCount < 1)
            {
                throw LegacyFault.Invalid(nameof(MaxCount), $"must be 1 to {MaxChanges}.");
            }

            if (MaxCount > MaxChanges)
            {
                throw LegacyFault.TooLarge(nameof(MaxCount), MaxCount, MaxChanges);
            }

            var since = LegacyDialect.ParseChangeToken(SinceToken);
            var changes = data.ChangesSince(since, MaxCount);
            return new GetChangesResult
            {
                NextToken = LegacyDialect.ChangeToken(changes.Count > 0 ? changes[^1].Token : since),
                Changes = [.. changes.Select(LegacyDialect.ToLegacy)],
            };
        });

    /// <summary>The legacy ERP knows its orders by its own 10-digit numbers only.</summary>
    private static SalesOrderNumber ParseOrderNumber(string? orderNumber, string field = "OrderNumbers") =>
        orderNumber is { Length: 10 } && orderNumber.All(char.IsAsciiDigit) && SalesOrderNumber.TryParse(orderNumber, out var number)
            ? number
            : throw LegacyFault.Invalid(field, $"'{orderNumber}' is not a legacy order number (10 digits, 45000xxxxx).");
}

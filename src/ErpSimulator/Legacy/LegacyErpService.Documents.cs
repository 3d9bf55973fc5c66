using ErpSimulator.Data;
using ErpSimulator.Legacy.Contract;

namespace ErpSimulator.Legacy;

/// <summary>Deliveries, invoices and returns of sales orders.</summary>
internal sealed partial class LegacyErpService
{
    public Task<GetShipmentsResult> GetShipments(string OrderNumber) =>
        ServeAsync(nameof(GetShipments), 1, () =>
        {
            var number = ParseOrderNumber(OrderNumber, nameof(OrderNumber));
            return new GetShipmentsResult { Shipments = [.. data.Shipments(number).Select(LegacyDialect.ToLegacy)] };
        });

    public Task<GetInvoicesResult> GetInvoices(string? OrderNumber, string? CustomerNumber, string? SinceDate, int StartRow, int MaxRows) =>
        ServeAsync(nameof(GetInvoices), 0, () =>
        {
            var today = data.Today;
            if (!string.IsNullOrWhiteSpace(OrderNumber))
            {
                var invoice = data.InvoiceOf(ParseOrderNumber(OrderNumber, nameof(OrderNumber)));
                return new GetInvoicesResult { Invoices = invoice is null ? [] : [LegacyDialect.ToLegacy(invoice, today)], TotalRows = invoice is null ? 0 : 1 };
            }

            if (string.IsNullOrWhiteSpace(CustomerNumber))
            {
                throw LegacyFault.Invalid(nameof(OrderNumber), "give OrderNumber or CustomerNumber.");
            }

            if (StartRow < 0)
            {
                throw LegacyFault.Invalid(nameof(StartRow), "must be 0 or more.");
            }

            if (MaxRows is < 1 or > MaxBatch)
            {
                throw MaxRows > MaxBatch ? LegacyFault.TooLarge(nameof(MaxRows), MaxRows, MaxBatch) : LegacyFault.Invalid(nameof(MaxRows), $"must be 1 to {MaxBatch}.");
            }

            var customerId = LegacyDialect.CustomerId(CustomerNumber);
            var since = string.IsNullOrWhiteSpace(SinceDate) ? DateOnly.MinValue : LegacyDialect.ParseDate(SinceDate, nameof(SinceDate));
            var all = data.Invoices(customerId, new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            return new GetInvoicesResult
            {
                Invoices = [.. all.Skip(StartRow).Take(MaxRows).Select(i => LegacyDialect.ToLegacy(i, today))],
                TotalRows = all.Count,
            };
        });

    public Task<CreateReturnResult> CreateReturn(string ExternalRef, string OrderNumber, LegacyReturnLine[] Lines, string? ReasonText) =>
        ServeAsync(nameof(CreateReturn), Lines?.Length ?? 0, () =>
        {
            if (string.IsNullOrWhiteSpace(ExternalRef))
            {
                throw LegacyFault.Invalid(nameof(ExternalRef), "is required.");
            }

            if (Lines is { Length: > MaxBatch })
            {
                throw LegacyFault.TooLarge(nameof(Lines), Lines.Length, MaxBatch);
            }

            var number = ParseOrderNumber(OrderNumber, nameof(OrderNumber));
            var lines = (Lines ?? []).Select((l, i) => new SimShippedLine(
                LegacyDialect.Sku(l.ItemNumber, $"Lines[{i}].ItemNumber"), LegacyDialect.ParseQuantity(l.Quantity, $"Lines[{i}].Quantity"))).ToList();
            var placement = data.RequestReturn(new ReturnRequest(ExternalRef, number, lines, string.IsNullOrWhiteSpace(ReasonText) ? null : ReasonText));
            if (placement.Return is not { } rma)
            {
                throw LegacyFault.Invalid(LegacyField(placement.Field!), placement.Error!);
            }

            return new CreateReturnResult { ReturnNumber = rma.Number.Legacy, ExternalRef = rma.ExternalRef, Status = LegacyDialect.Code(rma.Status), Created = placement.Created };
        });

    public Task<GetReturnsResult> GetReturns(string ExternalRef) =>
        ServeAsync(nameof(GetReturns), 1, () =>
        {
            if (string.IsNullOrWhiteSpace(ExternalRef))
            {
                throw LegacyFault.Invalid(nameof(ExternalRef), "is required.");
            }

            return new GetReturnsResult { Returns = data.FindReturnByExternalRef(ExternalRef) is { } rma ? [LegacyDialect.ToLegacy(rma)] : [] };
        });

    /// <summary>The data set names fields as the canonical API does (<c>lines[0].sku</c>); the legacy wire says <c>Lines[0].ItemNumber</c>.</summary>
    private static string LegacyField(string field) => field
        .Replace("lines", "Lines", StringComparison.Ordinal)
        .Replace(".sku", ".ItemNumber", StringComparison.Ordinal)
        .Replace(".quantity", ".Quantity", StringComparison.Ordinal)
        .Replace("orderNumber", "OrderNumber", StringComparison.Ordinal);
}

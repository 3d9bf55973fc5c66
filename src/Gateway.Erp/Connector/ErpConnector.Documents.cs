using Gateway.Core;
using Gateway.Core.Orders;
using Gateway.Erp.Outbound;

namespace Gateway.Erp.Connector;

/// <summary>
/// An order's documents and returns: single reads through the pipeline (budget, retries of safe calls, breaker); an
/// invoice list longer than the ERP's page is read in pages. Requesting a return is a write: never retried blindly,
/// but idempotent at the ERP by its external reference, so the caller may repeat it.
/// </summary>
internal sealed partial class ErpConnector : IOrderDocumentSource, IReturnSink
{
    public Task<IReadOnlyList<ErpShipment>> GetShipmentsAsync(string erpOrderNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erpOrderNumber);
        return ReadAsync("shipments.get", ErpTraffic.Current, ct => _client.GetShipmentsAsync(erpOrderNumber, ct), cancellationToken);
    }

    public Task<ErpInvoice?> GetInvoiceAsync(string erpOrderNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erpOrderNumber);
        return ReadAsync("invoices.get", ErpTraffic.Current, ct => _client.GetInvoiceAsync(erpOrderNumber, ct), cancellationToken);
    }

    public async Task<InvoicePage> ListInvoicesAsync(string customerId, DateOnly since, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var traffic = ErpTraffic.Current;
        var pageLimit = _pipeline.Options.PageLimit;
        var items = new List<ErpInvoice>(Math.Min(limit, 1000));
        var total = 0;
        do
        {
            // A zero limit still asks for one row: the caller wants the total.
            var want = Math.Clamp(limit - items.Count, 1, pageLimit);
            var from = offset;
            var page = await ReadAsync("invoices.list", traffic, ct => _client.ListInvoicesAsync(customerId, since, from, want, ct), cancellationToken);
            total = page.Total;
            items.AddRange(page.Items.Take(limit - items.Count));
            offset += page.Items.Count;
            if (page.Items.Count < want)
            {
                break;
            }
        }
        while (items.Count < limit && offset < total);

        return new InvoicePage(items, total);
    }

    public Task<ErpReturn> RequestAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _pipeline.ExecuteAsync(
            new ErpCall("returns.request", ErpCallKind.Write, ErpTraffic.Current),
            ct => _client.RequestReturnAsync(request, ct),
            cancellationToken);
    }

    public Task<ErpReturn?> FindAsync(string externalReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalReference);
        return ReadAsync("returns.find", ErpTraffic.Current, ct => _client.FindReturnAsync(externalReference, ct), cancellationToken);
    }
}

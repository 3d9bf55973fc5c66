using System.ServiceModel;
using Gateway.Core.Erp;
using Gateway.Core.Orders;
using Gateway.Erp.Outbound;

namespace Gateway.Erp.Legacy;

/// <summary>Deliveries, invoices and returns: GetShipments, GetInvoices, CreateReturn and GetReturns.</summary>
internal sealed partial class LegacyErpClient
{
    public async Task<IReadOnlyList<ErpShipment>> GetShipmentsAsync(string erpOrderNumber, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(erp => erp.GetShipments(erpOrderNumber), cancellationToken);
        return [.. answer.Shipments.OrderBy(s => s.Part).Select(LegacyMapping.ToShipment)];
    }

    public async Task<ErpInvoice?> GetInvoiceAsync(string erpOrderNumber, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(erp => erp.GetInvoices(erpOrderNumber, null, null, 0, 1), cancellationToken);
        return answer.Invoices.FirstOrDefault() is { } invoice ? LegacyMapping.ToInvoice(invoice) : null;
    }

    public async Task<InvoicePage> ListInvoicesAsync(string customerId, DateOnly since, int offset, int limit, CancellationToken cancellationToken)
    {
        if (LegacyMapping.CustomerNumber(customerId) is not { } customerNumber)
        {
            return new InvoicePage([], 0);
        }

        var answer = await CallAsync(erp => erp.GetInvoices(null, customerNumber, LegacyMapping.Date(since), offset, limit), cancellationToken);
        return new InvoicePage([.. answer.Invoices.Select(LegacyMapping.ToInvoice)], answer.TotalRows);
    }

    /// <summary>CreateReturn answers only number and status, so the return is read back by its reference for the full state (one budget slot, in sequence).</summary>
    public async Task<ErpReturn> RequestReturnAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = request.Lines.Select(LegacyMapping.ToLegacy).ToArray();
        var created = await CallAsync(
            async erp =>
            {
                try
                {
                    return await erp.CreateReturn(request.ExternalReference, request.ErpOrderNumber, lines, request.Reason);
                }
                catch (FaultException fault) when (LegacyFaults.Code(fault) is LegacyFaults.NotFound or LegacyFaults.InvalidArgument or LegacyFaults.BatchTooLarge)
                {
                    throw new ErpRejectedException(ErpSystem.Legacy, LegacyFaults.Text(fault));
                }
            },
            cancellationToken);

        var booked = await FindLegacyReturnAsync(created.ExternalRef, cancellationToken)
            ?? throw new ErpContractException("The legacy ERP did not find the return it had just booked.");
        return LegacyMapping.ToReturn(booked, created.Created);
    }

    public async Task<ErpReturn?> FindReturnAsync(string externalReference, CancellationToken cancellationToken) =>
        await FindLegacyReturnAsync(externalReference, cancellationToken) is { } rma ? LegacyMapping.ToReturn(rma, created: false) : null;

    async Task<Contract.LegacyReturn?> FindLegacyReturnAsync(string externalReference, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(erp => erp.GetReturns(externalReference), cancellationToken);
        return answer.Returns.FirstOrDefault(r => r.ExternalRef == externalReference);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Gateway.Core.Erp;
using Gateway.Core.Orders;

namespace Gateway.Erp.Cloud;

/// <summary>Shipments, invoices and returns: <c>sales-orders/{n}/shipments</c>, <c>/invoice</c>, <c>invoices</c>, <c>returns</c>.</summary>
internal sealed partial class CloudErpClient
{
    public async Task<IReadOnlyList<ErpShipment>> GetShipmentsAsync(string erpOrderNumber, CancellationToken cancellationToken)
    {
        var answer = await GetAsync<CloudList<CloudShipment>>($"sales-orders/{Uri.EscapeDataString(erpOrderNumber)}/shipments", cancellationToken);
        return [.. answer!.Data.OrderBy(s => s.Part).Select(CloudMapping.ToShipment)];
    }

    public async Task<ErpInvoice?> GetInvoiceAsync(string erpOrderNumber, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"sales-orders/{Uri.EscapeDataString(erpOrderNumber)}/invoice");
        var invoice = await SendAsync<CloudInvoice>(request, notFoundIsAbsent: true, cancellationToken);
        return invoice is null ? null : CloudMapping.ToInvoice(invoice);
    }

    public async Task<InvoicePage> ListInvoicesAsync(string customerId, DateOnly since, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture,
            $"invoices?customerId={Uri.EscapeDataString(customerId)}&since={since:yyyy-MM-dd}&offset={offset}&limit={limit}");
        var answer = await GetAsync<CloudPage<CloudInvoice>>(query, cancellationToken);
        return new InvoicePage([.. answer!.Data.Select(CloudMapping.ToInvoice)], answer.Total);
    }

    public async Task<ErpReturn> RequestReturnAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, "returns") { Content = JsonContent.Create(CloudMapping.ToCloud(request), options: Json) };
        using var http = httpClients.CreateClient(HttpClientName);
        using var response = await SendRawAsync(http, message, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            return CloudMapping.ToReturn(await ReadAsync<CloudReturn>(response, cancellationToken), created: response.StatusCode == HttpStatusCode.Created);
        }

        // 422 return_invalid is the ERP's final word on these lines: it does not improve on retry.
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            var error = await ErrorAsync(response, cancellationToken);
            throw new ErpRejectedException(ErpSystem.Cloud, error?.Message ?? "The cloud ERP refused the return.");
        }

        throw await FailureAsync(response, cancellationToken);
    }

    public async Task<ErpReturn?> FindReturnAsync(string externalReference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "returns?externalReference=" + Uri.EscapeDataString(externalReference));
        var rma = await SendAsync<CloudReturn>(request, notFoundIsAbsent: true, cancellationToken);
        return rma is null ? null : CloudMapping.ToReturn(rma, created: false);
    }
}

using ErpSimulator.Backends;
using ErpSimulator.Data;
using Microsoft.AspNetCore.Mvc;

namespace ErpSimulator.Cloud;

/// <summary>An order's shipments and invoice, invoices by customer, and returns (once per external reference).</summary>
internal static class CloudDocumentEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapCloudDocuments(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/sales-orders").WithTags("Sales orders");
        orders.MapGet("/{orderNumber}/shipments", Shipments).WithName("listShipments")
            .WithSummary("The order's shipments, first part first (an order of two or more lines ships in two parts); empty before it ships.")
            .Produces<CloudList<CloudShipment>>().ProducesCloudErrors(404);
        orders.MapGet("/{orderNumber}/invoice", InvoiceOfOrder).WithName("getOrderInvoice")
            .WithSummary("The order's invoice, raised when its last part has shipped; 404 before.")
            .Produces<CloudInvoice>().ProducesCloudErrors(404);

        var invoices = api.MapGroup("/invoices").WithTags("Invoices");
        invoices.MapGet("/", ListInvoices).WithName("listInvoices")
            .WithSummary("A customer's invoices issued on or after since (a date, UTC), oldest first, paged (offset, limit <= 100).")
            .Produces<CloudPage<CloudInvoice>>().ProducesCloudErrors(400);

        var returns = api.MapGroup("/returns").WithTags("Returns");
        returns.MapPost("/", CreateReturn).WithName("createReturn")
            .WithSummary("Requests a return of shipped lines: 201 when new, 200 with the existing return when the externalReference is known, 422 return_invalid naming the field otherwise.")
            .Produces<CloudReturn>(StatusCodes.Status201Created).Produces<CloudReturn>().ProducesCloudErrors(400, 422);
        returns.MapGet("/", FindReturn).WithName("findReturn")
            .WithSummary("The return booked for an externalReference.")
            .Produces<CloudReturn>().ProducesCloudErrors(400, 404);
        return api;
    }

    private static IResult Shipments(string orderNumber, ErpDataSet data, SimulatorStats stats)
    {
        stats.Cloud.Record("shipments.list", 1);
        return SalesOrderNumber.TryParse(orderNumber, out var number) && data.FindOrder(number) is not null
            ? TypedResults.Ok(new CloudList<CloudShipment>([.. data.Shipments(number).Select(s => s.ToCloud())]))
            : CloudErrors.NotFound($"No sales order '{orderNumber}'.");
    }

    private static IResult InvoiceOfOrder(string orderNumber, ErpDataSet data, SimulatorStats stats)
    {
        stats.Cloud.Record("invoices.get", 1);
        return SalesOrderNumber.TryParse(orderNumber, out var number) && data.InvoiceOf(number) is { } invoice
            ? TypedResults.Ok(invoice.ToCloud(data.Today))
            : CloudErrors.NotFound($"No invoice for sales order '{orderNumber}'.");
    }

    private static IResult ListInvoices(string? customerId, DateOnly? since, int? offset, int? limit, ErpDataSet data, SimulatorStats stats)
    {
        stats.Cloud.Record("invoices.list", 1);
        if (string.IsNullOrWhiteSpace(customerId))
        {
            return CloudErrors.BadRequest("customerId", "customerId is required.");
        }

        var from = offset ?? 0;
        var size = limit ?? DefaultPageSize;
        if (from < 0)
        {
            return CloudErrors.BadRequest("offset", "offset must be 0 or more.");
        }

        if (size is < 1 or > CloudKeys.MaxBatch)
        {
            return CloudErrors.BadRequest("limit", "limit must be between 1 and 100.");
        }

        var day = since ?? DateOnly.MinValue;
        var all = data.Invoices(customerId, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var today = data.Today;
        return TypedResults.Ok(new CloudPage<CloudInvoice>([.. all.Skip(from).Take(size).Select(i => i.ToCloud(today))], from, size, all.Count));
    }

    private static IResult CreateReturn([FromBody] CloudReturnRequest request, ErpDataSet data, SimulatorStats stats)
    {
        stats.Cloud.Record("returns.create", request.Lines?.Count ?? 0);
        if (string.IsNullOrWhiteSpace(request.ExternalReference))
        {
            return CloudErrors.BadRequest("externalReference", "externalReference is required.");
        }

        if (!SalesOrderNumber.TryParse(request.OrderNumber, out var number) || request.OrderNumber!.Trim()[0] is >= '0' and <= '9')
        {
            return CloudErrors.BadRequest("orderNumber", "orderNumber must be a sales order number like SO-0000001.");
        }

        if (request.Lines is { Count: > CloudKeys.MaxBatch })
        {
            return CloudErrors.BatchTooLarge("lines", request.Lines.Count);
        }

        var placement = data.RequestReturn(new ReturnRequest(
            request.ExternalReference, number, [.. (request.Lines ?? []).Select(l => new SimShippedLine(l.Sku ?? "", l.Quantity))], request.Reason));
        if (placement.Return is not { } rma)
        {
            return CloudErrors.Of(StatusCodes.Status422UnprocessableEntity, "return_invalid", placement.Error!, placement.Field);
        }

        return placement.Created
            ? TypedResults.Created($"/cloud/api/returns?externalReference={Uri.EscapeDataString(rma.ExternalRef)}", rma.ToCloud())
            : TypedResults.Ok(rma.ToCloud());
    }

    private static IResult FindReturn(string? externalReference, ErpDataSet data, SimulatorStats stats)
    {
        stats.Cloud.Record("returns.get", 1);
        if (string.IsNullOrWhiteSpace(externalReference))
        {
            return CloudErrors.BadRequest("externalReference", "externalReference is required.");
        }

        return data.FindReturnByExternalRef(externalReference) is { } rma
            ? TypedResults.Ok(rma.ToCloud())
            : CloudErrors.NotFound($"No return for external reference '{externalReference}'.");
    }
}

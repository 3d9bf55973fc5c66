using ErpSimulator.Data;
using ErpSimulator.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace ErpSimulator.Control;

/// <summary>Changes to the data set (each emits its change event) and real keys for tests.</summary>
internal static class ControlDataEndpoints
{
    public static RouteGroupBuilder MapControlData(this RouteGroupBuilder sim)
    {
        sim.MapPost("/prices", ChangePrice);
        sim.MapPost("/stock", ChangeStock);
        sim.MapPost("/items/{sku}", ChangeItem);
        sim.MapPost("/customers/{customerId}", ChangeCustomer);
        sim.MapPost("/invoices/{invoiceNumber}", ChangeInvoice);
        sim.MapGet("/sample", Sample);
        return sim;
    }

    private static IResult ChangePrice([FromBody] PriceChangeRequest request, ErpDataSet data)
    {
        if (string.IsNullOrWhiteSpace(request.Sku))
        {
            return ControlErrors.Invalid("sku", "sku is required.");
        }

        if (request.UnitPrice is not { } unitPrice || unitPrice < 0.01m || unitPrice > 1_000_000m)
        {
            return ControlErrors.Invalid("unitPrice", "unitPrice must be between 0.01 and 1000000.");
        }

        var change = request.CustomerId is null
            ? data.SetListPrice(request.Sku, unitPrice)
            : data.SetContractPrice(request.CustomerId, request.Sku, unitPrice);
        return Changed(change, request.CustomerId is null ? $"SKU '{request.Sku}'" : $"SKU '{request.Sku}' or customer '{request.CustomerId}'");
    }

    private static IResult ChangeStock([FromBody] StockChangeRequest request, ErpDataSet data)
    {
        if (string.IsNullOrWhiteSpace(request.Sku))
        {
            return ControlErrors.Invalid("sku", "sku is required.");
        }

        if (Warehouses.Normalize(request.WarehouseId) is not { } warehouse)
        {
            return ControlErrors.Invalid("warehouseId", "warehouseId must be DAL, ATL or TOR.");
        }

        if (request.OnHand is not { } onHand || onHand < 0)
        {
            return ControlErrors.Invalid("onHand", "onHand must be 0 or more.");
        }

        return Changed(data.SetStock(request.Sku, warehouse, onHand), $"SKU '{request.Sku}'");
    }

    private static IResult ChangeItem(string sku, [FromBody] ItemChangeRequest request, ErpDataSet data)
    {
        ItemStatus? status = null;
        if (request.Status is not null)
        {
            if (!ControlErrors.TryParseName<ItemStatus>(request.Status, out var parsed))
            {
                return ControlErrors.Invalid("status", "status must be Active, Discontinued or Blocked.");
            }

            status = parsed;
        }

        if (request.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 200))
        {
            return ControlErrors.Invalid("name", "name must be 1 to 200 characters.");
        }

        return Changed(data.UpdateItem(sku, request.Name, status), $"SKU '{sku}'");
    }

    private static IResult ChangeCustomer(string customerId, [FromBody] CustomerChangeRequest request, ErpDataSet data)
    {
        CreditStatus? credit = null;
        if (request.CreditStatus is not null)
        {
            if (!ControlErrors.TryParseName<CreditStatus>(request.CreditStatus, out var parsed))
            {
                return ControlErrors.Invalid("creditStatus", "creditStatus must be Ok or Hold.");
            }

            credit = parsed;
        }

        return Changed(data.UpdateCustomer(customerId, credit), $"customer '{customerId}'");
    }

    private static IResult ChangeInvoice(string invoiceNumber, [FromBody] InvoiceChangeRequest request, ErpDataSet data) =>
        DocumentNumber.TryParse(DocumentKind.Invoice, invoiceNumber, out var number)
            ? Changed(data.UpdateInvoice(number, request.Paid, request.DueDate), $"invoice '{invoiceNumber}'")
            : ControlErrors.Invalid("invoiceNumber", "invoiceNumber must be INV-0000001 or 9000000001.");

    private static IResult Sample(int? skus, int? customers, ErpDataSet data)
    {
        if (skus is < 0 or > 10_000)
        {
            return ControlErrors.Invalid("skus", "skus must be between 0 and 10000.");
        }

        if (customers is < 0 or > 10_000)
        {
            return ControlErrors.Invalid("customers", "customers must be between 0 and 10000.");
        }

        return TypedResults.Ok(data.Sample(skus ?? 10, customers ?? 5));
    }

    private static IResult Changed(ChangeEvent? change, string what) =>
        change is null ? ControlErrors.NotFound($"No {what} in the data set.") : TypedResults.Ok(WebhookEvent.From(change));
}

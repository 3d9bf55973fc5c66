using ErpSimulator.Backends;
using ErpSimulator.Data;
using Microsoft.AspNetCore.Mvc;

namespace ErpSimulator.Cloud;

/// <summary>Prices: <c>pricing.quote</c>, <c>pricing.listPrices</c>, <c>pricing.contracts</c>, <c>pricing.promotions</c>.</summary>
internal static class CloudPricingEndpoints
{
    public static RouteGroupBuilder MapCloudPricing(this RouteGroupBuilder api)
    {
        var pricing = api.MapGroup("/pricing").WithTags("Pricing");
        pricing.MapPost("/quotes", Quote).WithName("createQuote")
            .WithSummary("Prices up to 100 SKUs for a customer at a quantity (eaches) by the ERP's rule: contract, else list or a lower active promotion.")
            .Produces<CloudQuote>().ProducesCloudErrors(400, 404);
        pricing.MapGet("/list-prices", ListPrices).WithName("getListPrices")
            .WithSummary("List prices and breaks in USD or CAD for up to 100 SKUs (unknown SKUs absent).")
            .Produces<CloudList<CloudListPrice>>().ProducesCloudErrors(400);
        pricing.MapGet("/contracts/{customerId}", Contracts).WithName("getContracts")
            .Produces<CloudContracts>().ProducesCloudErrors(404);
        pricing.MapGet("/promotions", Promotions).WithName("getPromotions")
            .WithSummary("The promotions (active, expired or future) of up to 100 SKUs; SKUs without one are absent.")
            .Produces<CloudList<CloudPromotion>>().ProducesCloudErrors(400);
        return api;
    }

    private static IResult Quote([FromBody] CloudQuoteRequest request, ErpDataSet data, SimulatorStats stats)
    {
        var valid = CloudKeys.TryParse(request.Skus, "skus", out var skus, out var error);
        stats.Cloud.Record("pricing.quote", skus.Length);
        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            return CloudErrors.BadRequest("customerId", "customerId is required.");
        }

        if (request.Quantity < 1)
        {
            return CloudErrors.BadRequest("quantity", "quantity must be at least 1 (eaches).");
        }

        if (!valid)
        {
            return error!;
        }

        return data.Quote(request.CustomerId, request.Quantity, skus) is { } quote
            ? TypedResults.Ok(quote.ToCloud())
            : CloudErrors.NotFound($"No customer with id '{request.CustomerId}'.");
    }

    private static IResult ListPrices(string? currency, string? skus, ErpDataSet data, SimulatorStats stats)
    {
        var valid = CloudKeys.TryParse(skus, "skus", out var keys, out var error);
        stats.Cloud.Record("pricing.listPrices", keys.Length);
        if (currency?.ToUpperInvariant() is not (Currencies.Usd or Currencies.Cad))
        {
            return CloudErrors.BadRequest("currency", "currency must be USD or CAD.");
        }

        if (!valid)
        {
            return error!;
        }

        var code = currency.ToUpperInvariant();
        return TypedResults.Ok(new CloudList<CloudListPrice>([.. keys
            .Select(data.ListPrice)
            .OfType<SimListPrice>()
            .Select(p => new CloudListPrice(p.Sku, code, p.In(code)!.ToCloud()))]));
    }

    private static IResult Contracts(string customerId, ErpDataSet data, SimulatorStats stats)
    {
        stats.Cloud.Record("pricing.contracts", 1);
        if (data.FindCustomer(customerId) is not { } customer || data.ContractPrices(customerId) is not { } contracts)
        {
            return CloudErrors.NotFound($"No customer with id '{customerId}'.");
        }

        return TypedResults.Ok(new CloudContracts(
            customer.CustomerId, customer.Currency, [.. contracts.Select(c => new CloudContractLine(c.Sku, c.Breaks.ToCloud()))]));
    }

    private static IResult Promotions(string? skus, ErpDataSet data, SimulatorStats stats)
    {
        var valid = CloudKeys.TryParse(skus, "skus", out var keys, out var error);
        stats.Cloud.Record("pricing.promotions", keys.Length);
        return valid
            ? TypedResults.Ok(new CloudList<CloudPromotion>([.. keys.Select(data.Promotion).OfType<SimPromotion>().Select(p => p.ToCloud())]))
            : error!;
    }
}

using System.ComponentModel.DataAnnotations;
using Gateway.Caching;
using Gateway.CanonicalApi.Problems;
using Gateway.CanonicalApi.Validation;
using Gateway.Core;
using Gateway.Core.Orders;
using Gateway.Core.Pricing;
using Gateway.Edge;
using Gateway.Edge.Scoping;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Pricing;

/// <summary><c>/v1/prices</c> and <c>/v2/prices</c>: one customer's prices for many SKUs at one quantity (scope <c>pricing:read</c>).</summary>
public static class PriceEndpoints
{
    public static RouteGroupBuilder MapPrices(this RouteGroupBuilder v1)
    {
        var prices = v1.MapGroup("/prices").WithTags("Prices").RequireAuthorization(Scopes.PricingRead).KeepsAnswers();
        prices.MapGet("/", GetPrices)
            .WithName("GetPrices")
            .WithSummary("The customer's unit prices at a quantity, for up to 200 SKUs, with breaks and the rule that won.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    /// <summary>
    /// <c>/v2/prices</c>: the same quote, with each amount a <see cref="Money"/> and the unit explicit (see
    /// <c>api-specs/canonical/v2-changes.md</c>).
    /// </summary>
    public static RouteGroupBuilder MapPricesV2(this RouteGroupBuilder v2)
    {
        var prices = v2.MapGroup("/prices").WithTags("Prices").RequireAuthorization(Scopes.PricingRead).KeepsAnswers();
        prices.MapGet("/", GetPricesV2)
            .WithName("GetPrices")
            .WithSummary("The customer's unit prices at a quantity, for up to 200 SKUs, each amount with its currency and unit.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v2;
    }

    static async Task<Results<Ok<PriceList>, ValidationProblem, ProblemHttpResult>> GetPrices(
        HttpContext context,
        IPriceSource prices,
        CancellationToken cancellationToken,
        [FromQuery] string[]? sku = null,
        [MaxLength(BatchKeys.MaxKeyLength)] string? customerId = null,
        [Range(1, LineBounds.MaxQuantity)] int? quantity = null)
    {
        var (list, invalid, notFound) = await QuoteAsync(context, prices, sku, customerId, quantity, cancellationToken);
        return list is not null ? TypedResults.Ok(list) : invalid is not null ? invalid : notFound!;
    }

    static async Task<Results<Ok<PriceListV2>, ValidationProblem, ProblemHttpResult>> GetPricesV2(
        HttpContext context,
        IPriceSource prices,
        CancellationToken cancellationToken,
        [FromQuery] string[]? sku = null,
        [MaxLength(BatchKeys.MaxKeyLength)] string? customerId = null,
        [Range(1, LineBounds.MaxQuantity)] int? quantity = null)
    {
        var (list, invalid, notFound) = await QuoteAsync(context, prices, sku, customerId, quantity, cancellationToken);
        return list is not null ? TypedResults.Ok(PriceListV2.From(list)) : invalid is not null ? invalid : notFound!;
    }

    /// <summary>The one path of both versions from the query to the quote: the list, or the 400 or the 404 that answers instead.</summary>
    static async Task<(PriceList? List, ValidationProblem? Invalid, ProblemHttpResult? NotFound)> QuoteAsync(
        HttpContext context, IPriceSource prices, string[]? sku, string? customerId, int? quantity, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var customer = string.IsNullOrWhiteSpace(customerId) ? context.ImpliedCustomer() : customerId.Trim();
        if (customer is null)
        {
            errors.Add("customerId", "Required: the caller acts for more than one customer.");
        }

        var skus = BatchKeys.Read(sku, out var skuError);
        if (skuError is not null)
        {
            errors.Add("sku", skuError);
        }

        var each = quantity ?? 1;
        if (LineBounds.QuantityProblem(each) is { } quantityProblem)
        {
            errors.Add("quantity", quantityProblem);
        }

        if (errors.Count > 0)
        {
            return (null, CanonicalProblems.Invalid(errors), null);
        }

        // Asked before the ERP, and answered like an unknown customer: a caller cannot probe for account numbers.
        if (!context.CallerActsFor(customer!))
        {
            return (null, null, CanonicalProblems.NotFound("customer", customer!));
        }

        var quote = await prices.QuoteAsync(customer!, each, skus!, cancellationToken);
        return quote is null ? (null, null, CanonicalProblems.NotFound("customer", customer!)) : (PriceList.From(quote, skus!), null, null);
    }
}

/// <summary>
/// The answer of <c>GET /v1/prices</c>: the quote in the customer's currency, plus the SKUs that could not be priced
/// (unknown, or with no price at that quantity) so one bad SKU does not fail a basket.
/// </summary>
public sealed record PriceList(string CustomerId, string Currency, IReadOnlyList<PriceLine> Items, IReadOnlyList<string> Missing)
{
    public static PriceList From(PriceQuote quote, IReadOnlyList<string> asked)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var priced = quote.Items.Select(i => i.Sku).ToHashSet(StringComparer.Ordinal);
        return new PriceList(quote.CustomerId, quote.Currency, quote.Items, [.. asked.Where(s => !priced.Contains(s))]);
    }
}

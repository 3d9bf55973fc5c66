using System.Globalization;
using Gateway.Core;
using Gateway.Core.Catalog;
using Gateway.Core.Customers;
using Gateway.Orders.Exceptions;

namespace Gateway.Orders.Intake;

/// <summary>What validation found: the customer when the order may be accepted, else why not.</summary>
/// <param name="CustomerNotFound">The customer does not exist or the caller does not act for it (the same answer: 404).</param>
internal sealed record ValidationOutcome(
    Customer? Customer,
    bool CustomerNotFound,
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyList<PriceDifference> PriceDifferences)
{
    public bool IsValid => Customer is not null && Errors.Count == 0;
}

/// <summary>
/// The rules that need the ERP's data, asked through the Core ports: the customer and its ship-to, each SKU's status and
/// pack size, and the customer's price for each line that carries one. Quantities are in eaches, as the ERPs count them;
/// "fits the pack size" means a whole number of selling units: a multiple of the product's <see cref="Product.PackSize"/>
/// (12 for a box of 12), so that the warehouse never breaks a pack.
/// </summary>
internal sealed class OrderValidation(ICustomerSource customers, ICatalogSource catalog, IPriceSource prices)
{
    public async Task<ValidationOutcome> ValidateAsync(OrderRequest request, Func<string, bool> callerActsFor, CancellationToken cancellationToken)
    {
        var errors = OrderRequestRules.Check(request);
        if (errors.Count > 0)
        {
            return new ValidationOutcome(null, false, errors, []);
        }

        var customerId = request.CustomerId!;
        var customer = callerActsFor(customerId) && await customers.GetCustomersAsync([customerId], cancellationToken) is [var found, ..] ? found : null;
        if (customer is null)
        {
            return new ValidationOutcome(null, true, new Dictionary<string, string[]> { ["customerId"] = [$"Customer '{customerId}' was not found."] }, []);
        }

        if (customer.Status != CustomerStatus.Active)
        {
            errors["customerId"] = [$"Customer {customerId} is inactive and cannot order."];
        }

        if (!customer.ShipTos.Any(s => s.ShipToId == request.ShipToId))
        {
            errors["shipToId"] = [$"Ship-to '{request.ShipToId}' does not belong to customer {customerId}."];
        }

        var lines = request.Lines!.Select(l => l!).ToArray();
        var products = (await catalog.GetProductsAsync([.. lines.Select(l => l.Sku!)], cancellationToken)).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            CheckLine(errors, i, lines[i], products.GetValueOrDefault(lines[i].Sku!));
        }

        var differences = errors.Count == 0 ? await PriceDifferencesAsync(customerId, lines, cancellationToken) : [];
        return new ValidationOutcome(customer, false, errors, differences);
    }

    static void CheckLine(Dictionary<string, string[]> errors, int index, OrderLineRequest line, Product? product)
    {
        if (product is null)
        {
            errors[OrderRequestRules.LineField(index, "sku")] = [$"SKU '{line.Sku}' does not exist."];
        }
        else if (product.Status != ProductStatus.Active)
        {
            errors[OrderRequestRules.LineField(index, "sku")] = [$"SKU {product.Sku} is {product.Status} and cannot be ordered."];
        }
        else if (line.Quantity!.Value % product.PackSize != 0)
        {
            errors[OrderRequestRules.LineField(index, "quantity")] = [string.Create(CultureInfo.InvariantCulture,
                $"SKU {product.Sku} is sold by {product.Uom} of {product.PackSize}: the quantity in eaches must be a multiple of {product.PackSize}.")];
        }
    }

    /// <summary>Lines whose price differs from the ERP's; one quote per distinct quantity, since the price depends on it.</summary>
    async Task<IReadOnlyList<PriceDifference>> PriceDifferencesAsync(string customerId, OrderLineRequest[] lines, CancellationToken cancellationToken)
    {
        var priced = lines.Select((line, index) => (line, index)).Where(l => l.line.UnitPrice is not null).ToArray();
        if (priced.Length == 0)
        {
            return [];
        }

        var quotes = await Task.WhenAll(priced.GroupBy(l => l.line.Quantity!.Value).Select(async group =>
        {
            var quote = await prices.QuoteAsync(customerId, group.Key, [.. group.Select(l => l.line.Sku!)], cancellationToken);
            return (Quantity: group.Key, Prices: quote?.Items.ToDictionary(i => i.Sku, i => i.UnitPrice, StringComparer.Ordinal));
        }));
        var byQuantity = quotes.ToDictionary(q => q.Quantity, q => q.Prices);

        return [.. priced
            .Select(l => (l.line, l.index, erp: byQuantity[l.line.Quantity!.Value]?.GetValueOrDefault(l.line.Sku!)))
            .Where(l => l.erp is { } erp && erp != l.line.UnitPrice)
            .Select(l => new PriceDifference(l.index, l.line.Sku!, l.line.Quantity!.Value, l.line.UnitPrice!.Value, l.erp!.Value))];
    }
}

using System.Globalization;
using Gateway.Core.Orders;

namespace Gateway.Orders.Intake;

/// <summary>
/// The rules an order request must meet before any ERP is asked: the fields the contract requires, and the limits
/// (quantities and unit prices within <see cref="LineBounds"/>, as every other door).
/// Each failure is keyed by the field's path in the body (<c>lines[2].quantity</c>), as RFC 9457 validation answers are.
/// </summary>
internal static class OrderRequestRules
{
    /// <summary>Most lines one order may carry.</summary>
    public const int MaxLines = 500;

    /// <summary>Longest identifier or PO number accepted (the ERPs' own fields are shorter still).</summary>
    public const int MaxTextLength = 64;

    public static Dictionary<string, string[]> Check(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Require(errors, "customerId", request.CustomerId);
        Require(errors, "shipToId", request.ShipToId);
        if (request.PoNumber is { Length: > MaxTextLength })
        {
            errors["poNumber"] = [$"poNumber is longer than {MaxTextLength} characters."];
        }

        if (request.Lines is not { Count: > 0 } lines)
        {
            errors["lines"] = ["An order needs at least one line."];
            return errors;
        }

        if (lines.Count > MaxLines)
        {
            errors["lines"] = [string.Create(CultureInfo.InvariantCulture, $"An order carries at most {MaxLines} lines; this one has {lines.Count}.")];
            return errors;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            CheckLine(errors, i, lines[i]);
        }

        return errors;
    }

    /// <summary>The path of a line's field in the request body.</summary>
    public static string LineField(int index, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"lines[{index}].{field}");

    static void CheckLine(Dictionary<string, string[]> errors, int index, OrderLineRequest? line)
    {
        if (line is null)
        {
            errors[string.Create(CultureInfo.InvariantCulture, $"lines[{index}]")] = ["A line cannot be null."];
            return;
        }

        Require(errors, LineField(index, "sku"), line.Sku);
        if (line.Quantity is not { } quantity)
        {
            errors[LineField(index, "quantity")] = ["quantity must be a positive whole number of eaches."];
        }
        else if (LineBounds.QuantityProblem(quantity) is { } quantityProblem)
        {
            errors[LineField(index, "quantity")] = [quantityProblem];
        }

        if (line.UnitPrice is { } unitPrice && LineBounds.UnitPriceProblem(unitPrice) is { } priceProblem)
        {
            errors[LineField(index, "unitPrice")] = [priceProblem];
        }
    }

    static void Require(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{field} is required."];
        }
        else if (value.Length > MaxTextLength)
        {
            errors[field] = [$"{field} is longer than {MaxTextLength} characters."];
        }
    }
}

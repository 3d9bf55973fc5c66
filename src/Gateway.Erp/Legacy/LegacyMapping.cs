using System.Globalization;
using Gateway.Core.Catalog;
using Gateway.Core.Customers;
using Gateway.Core.Inventory;
using Gateway.Core.Orders;
using Gateway.Core.Pricing;
using Gateway.Erp.Connector;
using Gateway.Erp.Legacy.Contract;
using Gateway.Erp.Outbound;

namespace Gateway.Erp.Legacy;

/// <summary>
/// The legacy dialect to the canonical model and back, in one place: keys padded left with zeros (items to 18, customers
/// to 10), decimals as invariant strings, dates and times as separate <c>yyyyMMdd</c> / <c>HHmmss</c> UTC strings, unit of
/// measure with the pack size inside (<c>BX12</c>), one-letter codes. A value outside the contract is an
/// <see cref="ErpContractException"/>, never a guess.
/// </summary>
internal static partial class LegacyMapping
{
    public const int ItemNumberLength = 18;
    public const int CustomerNumberLength = 10;

    /// <summary>The padded item number, or null when the SKU cannot exist in the legacy ERP (not 1-18 digits).</summary>
    public static string? ItemNumber(string sku) => Pad(sku, ItemNumberLength);

    /// <summary>The padded customer number, or null when the id cannot exist in the legacy ERP (not 1-10 digits).</summary>
    public static string? CustomerNumber(string customerId) => Pad(customerId, CustomerNumberLength);

    /// <summary><c>20001-01</c> → <c>0000020001-01</c>; null when not a customer id, a dash and a suffix.</summary>
    public static string? ShipToNumber(string shipToId)
    {
        var dash = shipToId.LastIndexOf('-');
        return dash > 0 && CustomerNumber(shipToId[..dash]) is { } customer ? customer + shipToId[dash..] : null;
    }

    public static string Sku(string itemNumber) => Unpad(itemNumber);

    public static string CustomerId(string customerNumber) => Unpad(customerNumber);

    /// <summary><c>0000020001-01</c> → <c>20001-01</c>.</summary>
    public static string ShipToId(string shipToNumber)
    {
        var dash = shipToNumber.LastIndexOf('-');
        return dash < 0 ? Unpad(shipToNumber) : Unpad(shipToNumber[..dash]) + shipToNumber[dash..];
    }

    /// <summary>Money is a string with a dot and four places (<c>"12.5000"</c>), whatever the server's culture.</summary>
    public static decimal Money(string text) => CanonicalAmounts.Money(Decimal(text, "amount"));

    /// <summary>Quantities are strings with three places (<c>"120.000"</c>); canonical quantities are whole eaches.</summary>
    public static int Quantity(string text)
    {
        var value = Decimal(text, "quantity");
        return value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw Unexpected("quantity", text);
    }

    public static string Quantity(int eaches) => eaches.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A date (<c>yyyyMMdd</c>) and a time (<c>HHmmss</c>), both UTC, as one instant.</summary>
    public static DateTimeOffset Timestamp(string date, string time) =>
        DateTimeOffset.TryParseExact(date + time, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw Unexpected("date and time", date + " " + time);

    /// <summary><c>EA</c> → (EA, 1); <c>BX12</c> → (BX, 12); <c>CS24</c> → (CS, 24).</summary>
    public static (string Uom, int PackSize) Uom(string code)
    {
        var letters = code.TakeWhile(char.IsAsciiLetterUpper).Count();
        var unit = code[..letters];
        var digits = code[letters..];
        if (unit is not ("EA" or "BX" or "CS"))
        {
            throw Unexpected("unit of measure", code);
        }

        if (digits.Length == 0)
        {
            return (unit, 1);
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var pack) && pack > 0
            ? (unit, pack)
            : throw Unexpected("unit of measure", code);
    }

    public static Product ToProduct(LegacyItem item)
    {
        var (uom, packSize) = Uom(item.Uom);
        return new Product(
            Sku(item.ItemNumber),
            item.Description,
            item.LongText,
            item.ProductGroup,
            uom,
            packSize,
            item.Status switch
            {
                "A" => ProductStatus.Active,
                "D" => ProductStatus.Discontinued,
                "B" => ProductStatus.Blocked,
                _ => throw Unexpected("item status", item.Status),
            },
            item.ChangeNumber,
            Timestamp(item.ChangedDate, item.ChangedTime));
    }

    public static Customer ToCustomer(LegacyCustomer customer) => new(
        CustomerId(customer.CustomerNumber),
        customer.Name,
        customer.Status switch
        {
            "A" => CustomerStatus.Active,
            "I" => CustomerStatus.Inactive,
            _ => throw Unexpected("customer status", customer.Status),
        },
        customer.CreditBlock switch
        {
            "X" => CreditStatus.Hold,
            "" or null => CreditStatus.Ok,
            _ => throw Unexpected("credit block", customer.CreditBlock),
        },
        PaymentTerms(customer.PaymentTerms),
        customer.Currency.ToUpperInvariant(),
        ToAddress(customer.BillTo),
        [.. customer.ShipTos.Select(s => new ShipTo(ShipToId(s.ShipToNumber), s.Name, ToAddress(s.Address)))]);

    public static string PaymentTerms(string code) => code switch
    {
        "Z030" => "NET30",
        "Z045" => "NET45",
        "Z060" => "NET60",
        "Z000" => "COD",
        _ => throw Unexpected("payment terms", code),
    };

    /// <summary>The ERP answers one row per item and plant; the canonical level sums the plants of one SKU.</summary>
    public static IReadOnlyList<StockLevel> ToStock(IEnumerable<LegacyStock> rows) =>
        [.. rows.GroupBy(r => r.ItemNumber, StringComparer.Ordinal).Select(item => StockLevel.FromWarehouses(
            Sku(item.Key),
            item.Select(r => new WarehouseStock(r.Plant, Quantity(r.OnHand), Quantity(r.Reserved), Quantity(r.SafetyStock))),
            item.Max(r => r.ChangeNumber),
            item.Max(r => Timestamp(r.AsOfDate, r.AsOfTime))))];

    public static LegacyOrderLine ToLegacy(SalesOrderLine line) => new()
    {
        ItemNumber = ItemNumber(line.Sku) ?? line.Sku,
        Quantity = Quantity(line.Quantity),
        UnitPrice = line.UnitPrice is { } price ? Money(price) : null,
    };

    public static SalesOrderState ToOrderState(LegacySalesOrder order, bool created) => new(
        order.OrderNumber,
        order.ExternalRef,
        order.Status switch
        {
            "C" => ErpOrderStatus.Confirmed,
            "A" => ErpOrderStatus.Allocated,
            "S" => ErpOrderStatus.Shipped,
            "I" => ErpOrderStatus.Invoiced,
            "R" => ErpOrderStatus.Rejected,
            _ => throw Unexpected("order status", order.Status),
        },
        string.IsNullOrEmpty(order.Carrier) ? null : order.Carrier,
        string.IsNullOrEmpty(order.TrackingNumber) ? null : order.TrackingNumber,
        Timestamp(order.StatusDate, order.StatusTime),
        string.IsNullOrEmpty(order.RejectReason) ? null : order.RejectReason,
        created);

    static Address ToAddress(LegacyAddress address) =>
        new(address.Street, address.City, address.Region, address.PostalCode, address.Country);

    static string? Pad(string key, int length) =>
        key.Length is > 0 && key.Length <= length && key.All(char.IsAsciiDigit) ? key.PadLeft(length, '0') : null;

    static string Unpad(string padded)
    {
        var key = padded.TrimStart('0');
        return key.Length == 0 && padded.Length > 0 ? "0" : key;
    }

    static decimal Decimal(string text, string what) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unexpected(what, text);

    static ErpContractException Unexpected(string what, string? value) =>
        new($"The legacy ERP sent an unknown {what} '{value}'.");
}

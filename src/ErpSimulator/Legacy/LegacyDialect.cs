using System.Globalization;
using ErpSimulator.Data;
using ErpSimulator.Legacy.Contract;

namespace ErpSimulator.Legacy;

/// <summary>
/// The legacy ERP's habits, in one place: zero-padded keys, decimals as fixed-place strings,
/// dates and times as separate yyyyMMdd / HHmmss strings (UTC), one-letter codes; and the mapping
/// from the simulator's records to the legacy wire types and back.
/// Parsing is strict: what the ERP would have refused is an <see cref="LegacyFault.InvalidArgument"/> fault.
/// </summary>
internal static partial class LegacyDialect
{
    public const int ItemNumberLength = 18;
    public const int CustomerNumberLength = 10;

    public static string ItemNumber(string sku) => sku.PadLeft(ItemNumberLength, '0');

    public static string CustomerNumber(string customerId) => customerId.PadLeft(CustomerNumberLength, '0');

    /// <summary>"20001-01" becomes "0000020001-01": the padded customer number and the ship-to suffix.</summary>
    public static string ShipToNumber(string shipToId)
    {
        var dash = shipToId.LastIndexOf('-');
        return dash < 0 ? CustomerNumber(shipToId) : CustomerNumber(shipToId[..dash]) + shipToId[dash..];
    }

    public static string Sku(string? itemNumber, string field = "ItemNumber") => Unpad(itemNumber, ItemNumberLength, field);

    public static string CustomerId(string? customerNumber, string field = "CustomerNumber") =>
        Unpad(customerNumber, CustomerNumberLength, field);

    public static string ShipToId(string? shipToNumber, string field = "ShipTo")
    {
        var dash = shipToNumber?.LastIndexOf('-') ?? -1;
        var suffix = dash < 0 ? "" : shipToNumber![(dash + 1)..];
        if (dash < 0 || suffix.Length != 2 || !suffix.All(char.IsAsciiDigit))
        {
            throw LegacyFault.Invalid(field, "expected the 10-digit customer number, '-' and 2 digits.");
        }

        return CustomerId(shipToNumber![..dash], field) + "-" + suffix;
    }

    /// <summary>Money: 4 decimal places, dot, no grouping ("12.5000").</summary>
    public static string Money(decimal value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Quantities: 3 decimal places ("120.000").</summary>
    public static string Quantity(decimal value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static decimal ParseQuantity(string? text, string field = "Quantity") => ParseDecimal(text, field, places: 3);

    public static decimal ParseMoney(string? text, string field) => ParseDecimal(text, field, places: 4);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HHmmss", CultureInfo.InvariantCulture);

    public static string Code(ItemStatus status) => status switch
    {
        ItemStatus.Active => "A",
        ItemStatus.Discontinued => "D",
        ItemStatus.Blocked => "B",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Code(CustomerStatus status) => status == CustomerStatus.Inactive ? "I" : "A";

    /// <summary>The credit block flag: X on hold, empty otherwise.</summary>
    public static string Code(CreditStatus status) => status == CreditStatus.Hold ? "X" : "";

    public static string Code(PaymentTerms terms) => terms switch
    {
        PaymentTerms.Net30 => "Z030",
        PaymentTerms.Net45 => "Z045",
        PaymentTerms.Net60 => "Z060",
        PaymentTerms.Cod => "Z000",
        _ => throw new ArgumentOutOfRangeException(nameof(terms), terms, null),
    };

    public static string Code(PriceSource source) => source switch
    {
        PriceSource.Contract => "K",
        PriceSource.List => "L",
        PriceSource.Promotion => "P",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static string Code(SalesOrderStatus status) => status switch
    {
        SalesOrderStatus.Confirmed => "C",
        SalesOrderStatus.Allocated => "A",
        SalesOrderStatus.Shipped => "S",
        SalesOrderStatus.Invoiced => "I",
        SalesOrderStatus.Rejected => "R",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static LegacyItem ToLegacy(SimItem item) => new()
    {
        ItemNumber = ItemNumber(item.Sku),
        Description = item.Name,
        LongText = item.Description,
        ProductGroup = item.Category,
        Uom = item.Unit.LegacyCode,
        Status = Code(item.Status),
        ChangeNumber = item.Version,
        ChangedDate = Date(item.UpdatedAt),
        ChangedTime = Time(item.UpdatedAt),
    };

    public static LegacyCustomer ToLegacy(SimCustomer customer) => new()
    {
        CustomerNumber = CustomerNumber(customer.CustomerId),
        Name = customer.Name,
        Status = Code(customer.Status),
        CreditBlock = Code(customer.CreditStatus),
        PaymentTerms = Code(customer.PaymentTerms),
        Currency = customer.Currency,
        BillTo = ToLegacy(customer.BillTo),
        ShipTos = [.. customer.ShipTos.Select(s => new LegacyShipTo
        {
            ShipToNumber = ShipToNumber(s.ShipToId),
            Name = s.Name,
            Address = ToLegacy(s.Address),
        })],
    };

    public static LegacyAddress ToLegacy(SimAddress address) => new()
    {
        Street = address.Street,
        City = address.City,
        Region = address.Region,
        PostalCode = address.PostalCode,
        Country = address.Country,
    };

    public static LegacyBreak[] ToLegacy(IReadOnlyList<SimPriceBreak> breaks) =>
        [.. breaks.Select(b => new LegacyBreak { FromQuantity = Quantity(b.MinQuantity), Price = Money(b.UnitPrice) })];

    public static LegacyPriceLine ToLegacy(SimPriceLine line) => new()
    {
        ItemNumber = ItemNumber(line.Sku),
        Quantity = Quantity(line.Quantity),
        NetPrice = Money(line.UnitPrice),
        ListPrice = Money(line.ListPrice),
        Source = Code(line.Source),
        Breaks = ToLegacy(line.Breaks),
    };

    public static LegacyPromotion ToLegacy(SimPromotion promotion) => new()
    {
        ItemNumber = ItemNumber(promotion.Sku),
        PriceUsd = Money(promotion.PriceUsd),
        PriceCad = Money(promotion.PriceCad),
        ValidFrom = Date(promotion.ValidFrom),
        ValidTo = Date(promotion.ValidTo),
    };

    /// <summary>The legacy ERP answers stock as one row per item and plant.</summary>
    public static IEnumerable<LegacyStock> ToLegacy(SimStock stock) => stock.Levels.Select(level => new LegacyStock
    {
        ItemNumber = ItemNumber(stock.Sku),
        Plant = level.WarehouseId,
        OnHand = Quantity(level.OnHand),
        Reserved = Quantity(level.Reserved),
        SafetyStock = Quantity(level.SafetyStock),
        ChangeNumber = stock.Version,
        AsOfDate = Date(stock.AsOf),
        AsOfTime = Time(stock.AsOf),
    });

    public static LegacySalesOrder ToLegacy(SimSalesOrder order) => new()
    {
        OrderNumber = order.Number.Legacy,
        ExternalRef = order.ExternalRef,
        Status = Code(order.Status),
        Carrier = order.Carrier ?? "",
        TrackingNumber = order.TrackingNumber ?? "",
        StatusDate = Date(order.StatusChangedAt),
        StatusTime = Time(order.StatusChangedAt),
        RejectReason = order.RejectReason ?? "",
    };

    public static LegacyChange ToLegacy(ChangeEvent change) => new()
    {
        Token = ChangeToken(change.Token),
        Type = change.Type,
        ItemNumber = change.Sku is { } sku ? ItemNumber(sku) : null,
        CustomerNumber = change.CustomerId is { } customerId ? CustomerNumber(customerId) : null,
        Plant = change.WarehouseId,
        OrderNumber = change.OrderNumber?.Legacy,
        Sequence = change.Sequence,
        Date = Date(change.OccurredAt),
        Time = Time(change.OccurredAt),
        EventId = change.EventId,
    };

    public static string ChangeToken(long token) => token.ToString(CultureInfo.InvariantCulture);

    /// <summary>Empty means from the beginning (token 0).</summary>
    public static long ParseChangeToken(string? token) =>
        string.IsNullOrWhiteSpace(token) ? 0
        : long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw LegacyFault.Invalid("SinceToken", $"'{token}' is not a token this feed handed out.");

    public static SalesOrderRequest FromLegacy(
        string? externalRef, string? customerNumber, string? shipTo, string? poNumber, LegacyOrderLine[]? lines)
    {
        if (string.IsNullOrWhiteSpace(externalRef))
        {
            throw LegacyFault.Invalid("ExternalRef", "is required.");
        }

        if (lines is not { Length: > 0 })
        {
            throw LegacyFault.Invalid("Lines", "at least one line is required.");
        }

        return new SalesOrderRequest(
            externalRef,
            CustomerId(customerNumber),
            ShipToId(shipTo),
            string.IsNullOrWhiteSpace(poNumber) ? null : poNumber,
            [.. lines.Select((line, i) => new SalesOrderLine(
                Sku(line.ItemNumber, $"Lines[{i}].ItemNumber"),
                ParseQuantity(line.Quantity, $"Lines[{i}].Quantity"),
                string.IsNullOrWhiteSpace(line.UnitPrice) ? null : ParseMoney(line.UnitPrice, $"Lines[{i}].UnitPrice")))]);
    }

    /// <summary>The legacy ERP stores keys as fixed-width digit strings: anything else is refused, not guessed.</summary>
    private static string Unpad(string? padded, int length, string field)
    {
        if (padded is null || padded.Length != length || !padded.All(char.IsAsciiDigit))
        {
            throw LegacyFault.Invalid(field, $"'{padded}' is not a {length}-digit zero-padded number.");
        }

        var key = padded.TrimStart('0');
        return key.Length == 0 ? "0" : key;
    }

    private static decimal ParseDecimal(string? text, string field, int places)
    {
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        var decimals = dot < 0 ? 0 : text!.Length - dot - 1;
        if (string.IsNullOrWhiteSpace(text) || decimals > places
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw LegacyFault.Invalid(field, $"'{text}' is not a decimal with at most {places} places, like \"{Sample(places)}\".");
        }

        return value;
    }

    private static string Sample(int places) => places == 4 ? "12.5000" : "120.000";
}

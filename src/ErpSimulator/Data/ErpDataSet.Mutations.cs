namespace ErpSimulator.Data;

/// <summary>
/// The changes the control API makes. Each one bumps the entity's sequence, stores it as the record's version, and
/// appends the change event while still holding the write lock, so the log's order is each entity's order.
/// Every method returns null when the SKU, customer or warehouse does not exist.
/// </summary>
public sealed partial class ErpDataSet
{
    /// <summary>Sets the list price at the first break (USD, CAD = x1.35) and scales the other breaks by the same factor.</summary>
    public ChangeEvent? SetListPrice(string sku, decimal unitPrice)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unitPrice, 0.01m);
        if (!TrySku(sku, out var i))
        {
            return null;
        }

        lock (_writeLock)
        {
            var sequence = ++_skuSequences[i];
            var current = _listPrices[i];
            var usd = Rescale(current.Usd, Math.Round(unitPrice, 2));
            Volatile.Write(ref _listPrices[i], new SimListPrice(
                current.Sku, usd, [.. usd.Select(b => b with { UnitPrice = Currencies.ToCad(b.UnitPrice) })], sequence));
            return Record(ChangeTypes.PriceChanged, sku, null, null, null, sequence);
        }
    }

    /// <summary>Sets a customer's contract price at the first break, scaling its other breaks; creates a one-break contract when there is none.</summary>
    public ChangeEvent? SetContractPrice(string customerId, string sku, decimal unitPrice)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unitPrice, 0.01m);
        if (!TrySku(sku, out var i) || !TryCustomer(customerId, out var c))
        {
            return null;
        }

        lock (_writeLock)
        {
            var sequence = ++_skuSequences[i];
            var contracts = new Dictionary<string, SimContractPrice>(_contracts[c], StringComparer.Ordinal);
            var breaks = contracts.TryGetValue(sku, out var current)
                ? Rescale(current.Breaks, Math.Round(unitPrice, 2))
                : [new SimPriceBreak(1, Math.Round(unitPrice, 2))];
            contracts[sku] = new SimContractPrice(customerId, sku, _customers[c].Currency, breaks, sequence);
            Volatile.Write(ref _contracts[c], contracts);
            return Record(ChangeTypes.PriceChanged, sku, customerId, null, null, sequence);
        }
    }

    /// <summary>Sets on-hand stock in one warehouse; reserved stock is capped at the new on-hand figure.</summary>
    public ChangeEvent? SetStock(string sku, string warehouseId, int onHand)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onHand);
        if (!TrySku(sku, out var i) || Warehouses.Normalize(warehouseId) is not { } warehouse)
        {
            return null;
        }

        lock (_writeLock)
        {
            var sequence = ++_skuSequences[i];
            var current = _stock[i];
            var levels = current.Levels
                .Select(l => l.WarehouseId == warehouse ? l with { OnHand = onHand, Reserved = Math.Min(l.Reserved, onHand) } : l)
                .ToArray();
            Volatile.Write(ref _stock[i], new SimStock(current.Sku, levels, sequence, NowToTheSecond()));
            return Record(ChangeTypes.InventoryChanged, sku, null, warehouse, null, sequence);
        }
    }

    /// <summary>Renames an item and/or changes its status; a null argument leaves that field as it is.</summary>
    public ChangeEvent? UpdateItem(string sku, string? name, ItemStatus? status)
    {
        if (!TrySku(sku, out var i))
        {
            return null;
        }

        lock (_writeLock)
        {
            var sequence = ++_skuSequences[i];
            var current = _items[i];
            Volatile.Write(ref _items[i], current with
            {
                Name = string.IsNullOrWhiteSpace(name) ? current.Name : name.Trim(),
                Status = status ?? current.Status,
                Version = sequence,
                UpdatedAt = NowToTheSecond(),
            });
            return Record(ChangeTypes.ItemChanged, sku, null, null, null, sequence);
        }
    }

    /// <summary>Changes a customer's credit status; null leaves it as it is (the change is still recorded).</summary>
    public ChangeEvent? UpdateCustomer(string customerId, CreditStatus? creditStatus)
    {
        if (!TryCustomer(customerId, out var c))
        {
            return null;
        }

        lock (_writeLock)
        {
            var sequence = ++_customerSequences[c];
            var current = _customers[c];
            Volatile.Write(ref _customers[c], current with
            {
                CreditStatus = creditStatus ?? current.CreditStatus,
                Version = sequence,
                UpdatedAt = NowToTheSecond(),
            });
            return Record(ChangeTypes.CustomerChanged, null, customerId, null, null, sequence);
        }
    }

    private ChangeEvent Record(string type, string? sku, string? customerId, string? warehouseId, SalesOrderNumber? order, long sequence)
    {
        var now = _time.GetUtcNow();
        return Changes.Append(token => new ChangeEvent(
            token, Guid.CreateVersion7(now).ToString(), type, sku, customerId, warehouseId, order, sequence, now));
    }

    /// <summary>New breaks whose first price is <paramref name="first"/>, the others scaled alike and kept strictly cheaper.</summary>
    private static SimPriceBreak[] Rescale(IReadOnlyList<SimPriceBreak> breaks, decimal first)
    {
        var original = breaks[0].UnitPrice;
        return DataSetGenerator.Breaks(first, [.. breaks.Skip(1).Select(b => (b.MinQuantity, b.UnitPrice / original))]);
    }
}

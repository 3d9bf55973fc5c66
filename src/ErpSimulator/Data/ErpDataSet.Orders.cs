using System.Collections.Concurrent;
using System.Globalization;

namespace ErpSimulator.Data;

/// <summary>Sales orders: booked once per external reference, then moved along by <see cref="OrderProgression"/>.</summary>
public sealed partial class ErpDataSet
{
    private readonly ConcurrentDictionary<long, SimSalesOrder> _orders = new();
    private readonly ConcurrentDictionary<string, long> _orderByReference = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, bool> _openOrders = new();
    private long _lastOrderNumber;
    private long _ordersCreated;

    /// <summary>Orders booked (not rejected) since the start or the last <see cref="ResetOrdersCreated"/>.</summary>
    public long OrdersCreated => Interlocked.Read(ref _ordersCreated);

    public void ResetOrdersCreated() => Interlocked.Exchange(ref _ordersCreated, 0);

    /// <summary>
    /// Books the order, or returns the order already booked for the same external reference (<c>Created = false</c>).
    /// An order the ERP refuses is kept too, with status <see cref="SalesOrderStatus.Rejected"/> and a reason, so asking
    /// again with that reference gives the same answer.
    /// </summary>
    /// <exception cref="ArgumentException">The external reference is empty.</exception>
    public OrderPlacement PlaceOrder(SalesOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ExternalRef);
        if (FindOrderByExternalRef(request.ExternalRef) is { } known)
        {
            return new OrderPlacement(known, Created: false);
        }

        lock (_writeLock)
        {
            // Checked again under the lock: two concurrent retries of one reference must book one order.
            if (FindOrderByExternalRef(request.ExternalRef) is { } raced)
            {
                return new OrderPlacement(raced, Created: false);
            }

            var now = _time.GetUtcNow();
            var number = new SalesOrderNumber(++_lastOrderNumber);
            var reason = RejectionOf(request);
            var order = new SimSalesOrder(
                number, request.ExternalRef, request.CustomerId, request.ShipToId, request.PoNumber,
                reason is null ? PricedLines(request) : request.Lines,
                reason is null ? SalesOrderStatus.Confirmed : SalesOrderStatus.Rejected,
                null, null, reason, now, now, Sequence: 1);
            _orders[number.Value] = order;
            _orderByReference[request.ExternalRef] = number.Value;
            if (reason is null)
            {
                _openOrders[number.Value] = true;
                Interlocked.Increment(ref _ordersCreated);
            }

            Record(ChangeTypes.OrderChanged, null, null, null, number, order.Sequence);
            return new OrderPlacement(order, Created: true);
        }
    }

    public SimSalesOrder? FindOrder(SalesOrderNumber number) => _orders.GetValueOrDefault(number.Value);

    public SimSalesOrder? FindOrderByExternalRef(string? externalRef) =>
        externalRef is not null && _orderByReference.TryGetValue(externalRef, out var number) ? FindOrder(new SalesOrderNumber(number)) : null;

    /// <summary>All orders (or the one for <paramref name="externalRef"/>), oldest first.</summary>
    public IReadOnlyList<SimSalesOrder> Orders(string? externalRef = null) =>
        externalRef is not null
            ? FindOrderByExternalRef(externalRef) is { } order ? [order] : []
            : [.. _orders.Values.OrderBy(o => o.Number.Value)];

    /// <summary>Moves every open order whose status is at least <paramref name="step"/> old one status on. Returns how many moved.</summary>
    public int AdvanceOrders(TimeSpan step)
    {
        var now = _time.GetUtcNow();
        var moved = 0;
        // Enumerating the dictionary itself (not .Keys) copies nothing, however many orders are open.
        foreach (var (number, _) in _openOrders)
        {
            if (now - _orders[number].StatusChangedAt < step)
            {
                continue;
            }

            lock (_writeLock)
            {
                var next = Step(_orders[number], now);
                _orders[number] = next;
                if (next.Status == SalesOrderStatus.Invoiced)
                {
                    _openOrders.TryRemove(number, out _);
                }

                Record(ChangeTypes.OrderChanged, null, null, null, next.Number, next.Sequence);
            }

            moved++;
        }

        return moved;
    }

    private string? RejectionOf(SalesOrderRequest request)
    {
        if (FindCustomer(request.CustomerId) is not { } customer)
        {
            return $"Unknown customer '{request.CustomerId}'.";
        }

        if (customer.Status != CustomerStatus.Active)
        {
            return $"Customer {customer.CustomerId} is inactive.";
        }

        if (!customer.ShipTos.Any(s => s.ShipToId == request.ShipToId))
        {
            return $"Ship-to '{request.ShipToId}' does not belong to customer {customer.CustomerId}.";
        }

        if (request.Lines is not { Count: > 0 })
        {
            return "The order has no lines.";
        }

        foreach (var line in request.Lines)
        {
            if (FindItem(line.Sku) is not { } item)
            {
                return $"Unknown SKU '{line.Sku}'.";
            }

            if (item.Status != ItemStatus.Active)
            {
                return $"SKU {item.Sku} is {item.Status.ToString().ToLowerInvariant()}.";
            }

            if (line.Quantity <= 0 || line.Quantity != decimal.Truncate(line.Quantity) || line.Quantity % item.Unit.PackSize != 0)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"Quantity {line.Quantity} of SKU {item.Sku} is not a positive multiple of its pack size {item.Unit.PackSize}.");
            }
        }

        return null;
    }

    /// <summary>Lines the caller sent without a price get the ERP's own quote at the line's quantity.</summary>
    private List<SalesOrderLine> PricedLines(SalesOrderRequest request) =>
        [.. request.Lines.Select(line => line.UnitPrice is not null || line.Quantity > int.MaxValue
            ? line
            : line with { UnitPrice = Quote(request.CustomerId, (int)line.Quantity, [line.Sku])?.Lines is [var quoted, ..] ? quoted.UnitPrice : null })];
}

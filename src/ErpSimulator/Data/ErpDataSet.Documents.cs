using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;

namespace ErpSimulator.Data;

/// <summary>
/// What an order leaves behind as it moves: its parcels, its invoice and its returns. An order of two or more lines ships
/// in two parts (the first half of its lines, then the rest one step later); the invoice is raised when the last part
/// has left. Every change of these takes the next sequence of the order, so one guard per order and type orders them.
/// </summary>
public sealed partial class ErpDataSet
{
    private readonly ConcurrentDictionary<long, ImmutableList<SimShipment>> _shipments = new();
    private readonly ConcurrentDictionary<long, SimInvoice> _invoiceByOrder = new();
    private readonly ConcurrentDictionary<long, long> _orderByInvoice = new();
    private readonly ConcurrentDictionary<long, SimReturn> _returns = new();
    private readonly ConcurrentDictionary<string, long> _returnByReference = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, bool> _openReturns = new();
    private long _lastShipmentNumber;
    private long _lastInvoiceNumber;
    private long _lastReturnNumber;
    private long _lastCreditNoteNumber;

    /// <summary>The order's parcels, first part first; empty before it ships or for an unknown order.</summary>
    public IReadOnlyList<SimShipment> Shipments(SalesOrderNumber order) => _shipments.GetValueOrDefault(order.Value) ?? [];

    /// <summary>The order's invoice, once raised.</summary>
    public SimInvoice? InvoiceOf(SalesOrderNumber order) => _invoiceByOrder.GetValueOrDefault(order.Value);

    public SimInvoice? FindInvoice(DocumentNumber number) =>
        _orderByInvoice.TryGetValue(number.Value, out var order) ? _invoiceByOrder.GetValueOrDefault(order) : null;

    /// <summary>A customer's invoices issued at or after <paramref name="since"/>, oldest first.</summary>
    public IReadOnlyList<SimInvoice> Invoices(string customerId, DateTimeOffset since) =>
        [.. _invoiceByOrder.Values.Where(i => i.CustomerId == customerId && i.IssuedAt >= since).OrderBy(i => i.Number.Value)];

    /// <summary>Today in UTC, the day invoice statuses are judged on.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    /// <summary>Marks an invoice paid (or open again) and/or moves its due date; null for an unknown invoice.</summary>
    public ChangeEvent? UpdateInvoice(DocumentNumber number, bool? paid, DateOnly? dueDate)
    {
        lock (_writeLock)
        {
            if (FindInvoice(number) is not { } invoice)
            {
                return null;
            }

            var next = invoice with
            {
                PaidAt = paid switch { true => invoice.PaidAt ?? _time.GetUtcNow(), false => null, null => invoice.PaidAt },
                DueDate = dueDate ?? invoice.DueDate,
            };
            _invoiceByOrder[invoice.Order.Value] = next;
            return Record(ChangeTypes.InvoiceChanged, null, invoice.CustomerId, null, invoice.Order, NextSequence(invoice.Order));
        }
    }

    public SimReturn? FindReturnByExternalRef(string? externalRef) =>
        externalRef is not null && _returnByReference.TryGetValue(externalRef, out var number) ? _returns.GetValueOrDefault(number) : null;

    /// <summary>
    /// Books a return authorisation request once per external reference. Each line must be of a SKU the order shipped,
    /// and no more than was shipped minus what other returns (not rejected) already take back; otherwise nothing is booked.
    /// </summary>
    public ReturnPlacement RequestReturn(ReturnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ExternalRef);
        lock (_writeLock)
        {
            if (FindReturnByExternalRef(request.ExternalRef) is { } known)
            {
                return new ReturnPlacement(known, Created: false);
            }

            if (FindOrder(request.Order) is not { } order)
            {
                return new ReturnPlacement(null, false, "orderNumber", $"No sales order {request.Order}.");
            }

            if (request.Lines.Count == 0)
            {
                return new ReturnPlacement(null, false, "lines", "At least one line is required.");
            }

            var returnable = Returnable(order.Number);
            for (var i = 0; i < request.Lines.Count; i++)
            {
                var line = request.Lines[i];
                if (!returnable.TryGetValue(line.Sku, out var left))
                {
                    return new ReturnPlacement(null, false, $"lines[{i}].sku", $"SKU '{line.Sku}' was not shipped on order {order.Number}.");
                }

                if (line.Quantity <= 0 || line.Quantity != decimal.Truncate(line.Quantity) || line.Quantity > left)
                {
                    return new ReturnPlacement(null, false, $"lines[{i}].quantity", string.Create(CultureInfo.InvariantCulture,
                        $"{line.Quantity} of SKU {line.Sku}: 1 to {left} may be returned."));
                }

                returnable[line.Sku] = left - line.Quantity;
            }

            var now = _time.GetUtcNow();
            var rma = new SimReturn(
                new DocumentNumber(DocumentKind.Return, ++_lastReturnNumber), request.ExternalRef, order.Number, order.CustomerId,
                request.Lines, request.Reason, ReturnStatus.Requested, null, null, null, now, now);
            _returns[rma.Number.Value] = rma;
            _returnByReference[rma.ExternalRef] = rma.Number.Value;
            _openReturns[rma.Number.Value] = true;
            Record(ChangeTypes.ReturnChanged, null, order.CustomerId, null, order.Number, NextSequence(order.Number));
            return new ReturnPlacement(rma, Created: true);
        }
    }

    /// <summary>Eaches of each SKU the order shipped that no return (other than a rejected one) takes back yet.</summary>
    private Dictionary<string, decimal> Returnable(SalesOrderNumber order)
    {
        var left = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in Shipments(order).SelectMany(s => s.Lines))
        {
            left[line.Sku] = left.GetValueOrDefault(line.Sku) + line.Quantity;
        }

        foreach (var line in _returns.Values.Where(r => r.Order == order && r.Status != ReturnStatus.Rejected).SelectMany(r => r.Lines))
        {
            left[line.Sku] = left.GetValueOrDefault(line.Sku) - line.Quantity;
        }

        return left;
    }

    /// <summary>
    /// Moves every open return whose status is at least <paramref name="step"/> old one status on: a requested return is
    /// authorised, or rejected when its customer is on credit hold; then received, then credited. Returns how many moved.
    /// </summary>
    public int AdvanceReturns(TimeSpan step)
    {
        var now = _time.GetUtcNow();
        var moved = 0;
        foreach (var (number, _) in _openReturns)
        {
            if (now - _returns[number].StatusChangedAt < step)
            {
                continue;
            }

            lock (_writeLock)
            {
                var current = _returns[number];
                var next = current.Status switch
                {
                    ReturnStatus.Requested when FindCustomer(current.CustomerId)?.CreditStatus == CreditStatus.Hold => current with
                    {
                        Status = ReturnStatus.Rejected,
                        RejectReason = $"Customer {current.CustomerId} is on credit hold: returns need the credit department's approval.",
                    },
                    ReturnStatus.Requested => current with { Status = ReturnStatus.Authorised },
                    ReturnStatus.Authorised => current with { Status = ReturnStatus.Received },
                    _ => current with
                    {
                        Status = ReturnStatus.Credited,
                        CreditNote = new DocumentNumber(DocumentKind.CreditNote, ++_lastCreditNoteNumber),
                        CreditAmount = CreditFor(current),
                    },
                };
                _returns[number] = next with { StatusChangedAt = now };
                if (next.Status is ReturnStatus.Credited or ReturnStatus.Rejected)
                {
                    _openReturns.TryRemove(number, out _);
                }

                Record(ChangeTypes.ReturnChanged, null, next.CustomerId, null, next.Order, NextSequence(next.Order));
            }

            moved++;
        }

        return moved;
    }

    /// <summary>The value of the returned eaches at the order's prices, before tax.</summary>
    private decimal CreditFor(SimReturn rma)
    {
        var prices = FindOrder(rma.Order)?.Lines.GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => g.First().UnitPrice ?? 0m) ?? [];
        return rma.Lines.Sum(l => Math.Round(l.Quantity * prices.GetValueOrDefault(l.Sku), 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>The order moved one step on (under the write lock), with its parcels and invoice made as it passes.</summary>
    private SimSalesOrder Step(SimSalesOrder order, DateTimeOffset now)
    {
        var parcels = Shipments(order.Number);
        var next = order.Status switch
        {
            SalesOrderStatus.Confirmed => order with { Status = SalesOrderStatus.Allocated },
            SalesOrderStatus.Allocated => Ship(order, 1, now),
            SalesOrderStatus.Shipped when parcels.Count < Parts(order) => Ship(order, parcels.Count + 1, now),
            _ => Invoice(order, now),
        };
        return next with { StatusChangedAt = now, Sequence = order.Sequence + 1 };
    }

    private static int Parts(SimSalesOrder order) => order.Lines.Count >= 2 ? 2 : 1;

    private SimSalesOrder Ship(SimSalesOrder order, int part, DateTimeOffset now)
    {
        var firstPart = (order.Lines.Count + 1) / 2;
        var lines = Parts(order) == 1 ? order.Lines : part == 1 ? order.Lines.Take(firstPart) : order.Lines.Skip(firstPart);
        var carrier = Vocabulary.Carriers[(order.Number.Value + part - 1) % Vocabulary.Carriers.Length];
        var tracking = "TRK" + ((order.Number.Value * 7919 + (part - 1) * 104_729) % 1_000_000_007).ToString("D10", CultureInfo.InvariantCulture);
        var parcel = new SimShipment(
            new DocumentNumber(DocumentKind.Shipment, ++_lastShipmentNumber), order.Number, part, carrier, tracking,
            [.. lines.Select(l => new SimShippedLine(l.Sku, l.Quantity))], now);
        _shipments.AddOrUpdate(order.Number.Value, _ => [parcel], (_, list) => list.Add(parcel));
        // The order keeps the first parcel's carrier and tracking number, as it always has.
        return part == 1 ? order with { Status = SalesOrderStatus.Shipped, Carrier = carrier, TrackingNumber = tracking } : order;
    }

    private SimSalesOrder Invoice(SimSalesOrder order, DateTimeOffset now)
    {
        var customer = FindCustomer(order.CustomerId);
        var currency = customer?.Currency ?? "USD";
        var lines = order.Lines
            .Select(l => new SimInvoiceLine(l.Sku, l.Quantity, l.UnitPrice ?? 0m, Math.Round(l.Quantity * (l.UnitPrice ?? 0m), 2, MidpointRounding.AwayFromZero)))
            .ToList();
        var subtotal = lines.Sum(l => l.Amount);
        var rate = TaxRate(currency);
        var tax = Math.Round(subtotal * rate, 2, MidpointRounding.AwayFromZero);
        var issued = DateOnly.FromDateTime(now.UtcDateTime);
        var invoice = new SimInvoice(
            new DocumentNumber(DocumentKind.Invoice, ++_lastInvoiceNumber), order.Number, order.ExternalRef, order.CustomerId, currency,
            lines, subtotal, rate, tax, subtotal + tax, now, issued.AddDays(TermDays(customer?.PaymentTerms ?? PaymentTerms.Net30)), null);
        _invoiceByOrder[order.Number.Value] = invoice;
        _orderByInvoice[invoice.Number.Value] = order.Number.Value;
        return order with { Status = SalesOrderStatus.Invoiced };
    }

    /// <summary>Sales tax the ERP charges: 13% (HST) in Canadian dollars, 7% in US dollars.</summary>
    private static decimal TaxRate(string currency) => currency == "CAD" ? 0.13m : 0.07m;

    private static int TermDays(PaymentTerms terms) => terms switch
    {
        PaymentTerms.Net30 => 30,
        PaymentTerms.Net45 => 45,
        PaymentTerms.Net60 => 60,
        _ => 0,
    };

    /// <summary>The next sequence of the order, for an event about its invoice or returns (under the write lock).</summary>
    private long NextSequence(SalesOrderNumber number)
    {
        var order = _orders[number.Value];
        _orders[number.Value] = order with { Sequence = order.Sequence + 1 };
        return order.Sequence + 1;
    }
}

using System.Globalization;
using ErpSimulator.Data;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ErpSimulator.Tests.Data;

public sealed class ErpDataSetDocumentTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1.5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ErpDataSet _sut;

    public ErpDataSetDocumentTests() =>
        _sut = new ErpDataSet(Options.Create(new SimulatorOptions { Skus = 500, Customers = 20 }), _time);

    [Fact]
    public void AdvanceOrders_OrderOfThreeLines_ShipsInTwoPartsThenInvoicesEveryLine()
    {
        var order = _sut.PlaceOrder(Request("two-parts", lines: 3)).Order;

        var statuses = Walk(order.Number, 5);

        Assert.Equal([SalesOrderStatus.Allocated, SalesOrderStatus.Shipped, SalesOrderStatus.Shipped, SalesOrderStatus.Invoiced, SalesOrderStatus.Invoiced], statuses);
        var parcels = _sut.Shipments(order.Number);
        Assert.Equal([1, 2], parcels.Select(p => p.Part));
        Assert.Equal(order.Lines.Take(2).Select(l => (l.Sku, l.Quantity)), parcels[0].Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Equal(order.Lines.Skip(2).Select(l => (l.Sku, l.Quantity)), parcels[1].Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.NotEqual(parcels[0].TrackingNumber, parcels[1].TrackingNumber);
        Assert.Equal(parcels[0].TrackingNumber, _sut.FindOrder(order.Number)!.TrackingNumber);
        var invoice = _sut.InvoiceOf(order.Number)!;
        Assert.Equal(order.Lines.Select(l => l.Sku), invoice.Lines.Select(l => l.Sku));
        Assert.Equal(invoice.Lines.Sum(l => l.Amount), invoice.Subtotal);
        Assert.Equal(invoice.Subtotal + invoice.Tax, invoice.Total);
        Assert.Equal(order.ExternalRef, invoice.OrderExternalRef);
    }

    [Fact]
    public void AdvanceOrders_OrderOfOneLine_ShipsInOnePart()
    {
        var order = _sut.PlaceOrder(Request("one-part", lines: 1)).Order;

        var statuses = Walk(order.Number, 4);

        Assert.Equal([SalesOrderStatus.Allocated, SalesOrderStatus.Shipped, SalesOrderStatus.Invoiced, SalesOrderStatus.Invoiced], statuses);
        Assert.Equal(order.Lines[0].Quantity, Assert.Single(Assert.Single(_sut.Shipments(order.Number)).Lines).Quantity);
    }

    [Fact]
    public void InvoiceOf_CustomerTerms_DueByTheTermsAndOverdueTheDayAfter()
    {
        var order = _sut.PlaceOrder(Request("terms", lines: 1)).Order;
        Walk(order.Number, 3);
        var invoice = _sut.InvoiceOf(order.Number)!;
        var terms = _sut.FindCustomer(order.CustomerId)!.PaymentTerms;
        var days = terms switch { PaymentTerms.Net30 => 30, PaymentTerms.Net45 => 45, PaymentTerms.Net60 => 60, _ => 0 };

        Assert.Equal(DateOnly.FromDateTime(invoice.IssuedAt.UtcDateTime).AddDays(days), invoice.DueDate);
        Assert.Equal(InvoiceStatus.Open, invoice.StatusOn(invoice.DueDate));
        Assert.Equal(InvoiceStatus.Overdue, invoice.StatusOn(invoice.DueDate.AddDays(1)));
        var paid = _sut.UpdateInvoice(invoice.Number, paid: true, dueDate: null)!;
        Assert.Equal(ChangeTypes.InvoiceChanged, paid.Type);
        Assert.Equal(order.Number, paid.OrderNumber);
        Assert.Equal(InvoiceStatus.Paid, _sut.FindInvoice(invoice.Number)!.StatusOn(invoice.DueDate.AddDays(1)));
    }

    [Fact]
    public void RequestReturn_ShippedLines_IsAuthorisedReceivedAndCreditedWithOneEventPerStep()
    {
        var order = _sut.PlaceOrder(Request("rma-ok", lines: 2)).Order;
        Walk(order.Number, 4);
        var line = order.Lines[0];

        var placement = _sut.RequestReturn(new ReturnRequest("rma-1", order.Number, [new SimShippedLine(line.Sku, line.Quantity)], "Damaged"));
        var again = _sut.RequestReturn(new ReturnRequest("rma-1", order.Number, [new SimShippedLine(line.Sku, line.Quantity)], "Damaged"));
        var statuses = new List<ReturnStatus>();
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(Step);
            _sut.AdvanceReturns(Step);
            statuses.Add(_sut.FindReturnByExternalRef("rma-1")!.Status);
        }

        Assert.True(placement.Created);
        Assert.False(again.Created);
        Assert.Equal(placement.Return!.Number, again.Return!.Number);
        Assert.Equal([ReturnStatus.Authorised, ReturnStatus.Received, ReturnStatus.Credited, ReturnStatus.Credited], statuses);
        var credited = _sut.FindReturnByExternalRef("rma-1")!;
        Assert.Equal(Math.Round(line.Quantity * line.UnitPrice!.Value, 2, MidpointRounding.AwayFromZero), credited.CreditAmount);
        Assert.NotNull(credited.CreditNote);
        var events = _sut.ChangesSince(0, 1000).Where(c => c.Type == ChangeTypes.ReturnChanged && c.OrderNumber == order.Number).ToList();
        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal(order.CustomerId, e.CustomerId));
        var sequences = _sut.ChangesSince(0, 1000).Where(c => c.OrderNumber == order.Number).Select(c => c.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
    }

    [Fact]
    public void AdvanceReturns_CustomerOnCreditHold_RejectsWithTheReason()
    {
        var order = _sut.PlaceOrder(Request("rma-hold", lines: 1)).Order;
        Walk(order.Number, 3);
        _sut.UpdateCustomer(order.CustomerId, CreditStatus.Hold);
        _sut.RequestReturn(new ReturnRequest("rma-hold-1", order.Number, [new SimShippedLine(order.Lines[0].Sku, order.Lines[0].Quantity)], null));

        _time.Advance(Step);
        _sut.AdvanceReturns(Step);

        var rejected = _sut.FindReturnByExternalRef("rma-hold-1")!;
        Assert.Equal(ReturnStatus.Rejected, rejected.Status);
        Assert.Contains("credit hold", rejected.RejectReason, StringComparison.Ordinal);
        // A rejected return takes nothing back: the same lines may be asked for again.
        Assert.True(_sut.RequestReturn(new ReturnRequest("rma-hold-2", order.Number, [new SimShippedLine(order.Lines[0].Sku, order.Lines[0].Quantity)], null)).Created);
    }

    [Fact]
    public void RequestReturn_MoreThanShippedOrAnotherOrdersSku_BooksNothingAndNamesTheField()
    {
        var order = _sut.PlaceOrder(Request("rma-bad", lines: 1)).Order;
        Walk(order.Number, 3);
        var line = order.Lines[0];
        var foreignSku = Enumerable.Range(100_000, 500).Select(s => s.ToString(CultureInfo.InvariantCulture)).First(s => s != line.Sku);
        _sut.RequestReturn(new ReturnRequest("rma-half", order.Number, [new SimShippedLine(line.Sku, 1)], null));

        var over = _sut.RequestReturn(new ReturnRequest("rma-over", order.Number, [new SimShippedLine(line.Sku, line.Quantity)], null));
        var foreign = _sut.RequestReturn(new ReturnRequest("rma-foreign", order.Number, [new SimShippedLine(line.Sku, 1), new SimShippedLine(foreignSku, 1)], null));

        Assert.Null(over.Return);
        Assert.Equal("lines[0].quantity", over.Field);
        Assert.Null(foreign.Return);
        Assert.Equal("lines[1].sku", foreign.Field);
        Assert.Null(_sut.FindReturnByExternalRef("rma-over"));
        Assert.Null(_sut.FindReturnByExternalRef("rma-foreign"));
    }

    [Fact]
    public void DocumentNumber_BothSpellings_ParseToTheSameNumber()
    {
        var number = new DocumentNumber(DocumentKind.Invoice, 42);

        Assert.Equal("INV-0000042", number.Cloud);
        Assert.Equal("9000000042", number.Legacy);
        Assert.True(DocumentNumber.TryParse(DocumentKind.Invoice, number.Legacy, out var fromLegacy));
        Assert.True(DocumentNumber.TryParse(DocumentKind.Invoice, number.Cloud, out var fromCloud));
        Assert.Equal(number, fromLegacy);
        Assert.Equal(number, fromCloud);
        Assert.False(DocumentNumber.TryParse(DocumentKind.Invoice, "4500000042", out _));
    }

    private List<SalesOrderStatus> Walk(SalesOrderNumber number, int steps)
    {
        var statuses = new List<SalesOrderStatus>();
        for (var i = 0; i < steps; i++)
        {
            _time.Advance(Step);
            _sut.AdvanceOrders(Step);
            statuses.Add(_sut.FindOrder(number)!.Status);
        }

        return statuses;
    }

    private SalesOrderRequest Request(string reference, int lines)
    {
        var customer = Enumerable.Range(20001, 20).Select(c => _sut.FindCustomer(c.ToString(CultureInfo.InvariantCulture))!)
            .First(c => c.Status == CustomerStatus.Active && c.CreditStatus == CreditStatus.Ok);
        var items = Enumerable.Range(100_000, 500).Select(s => _sut.FindItem(s.ToString(CultureInfo.InvariantCulture))!)
            .Where(i => i.Status == ItemStatus.Active).Take(lines);
        return new SalesOrderRequest(reference, customer.CustomerId, customer.ShipTos[0].ShipToId, null,
            [.. items.Select(i => new SalesOrderLine(i.Sku, i.Unit.PackSize * 2, null))]);
    }
}

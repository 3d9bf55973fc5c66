using ErpSimulator.Data;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ErpSimulator.Tests.Data;

public sealed class ErpDataSetOrderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ErpDataSet _sut;

    public ErpDataSetOrderTests() =>
        _sut = new ErpDataSet(Options.Create(new SimulatorOptions { Skus = 500, Customers = 20 }), _time);

    [Fact]
    public async Task PlaceOrder_ConcurrentRetriesOfOneReference_BookOneOrder()
    {
        var request = ValidRequest("retry-1");

        var placements = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _sut.PlaceOrder(request), TestContext.Current.CancellationToken)));

        Assert.Single(placements, p => p.Created);
        Assert.Single(placements.Select(p => p.Order.Number).Distinct());
        Assert.Equal(1, _sut.OrdersCreated);
    }

    [Fact]
    public void AdvanceOrders_EachStepDue_MovesOneStatusAndEmitsOrderChanged()
    {
        var order = _sut.PlaceOrder(ValidRequest("steps-1")).Order;
        var step = TimeSpan.FromSeconds(1.5);

        Assert.Equal(0, _sut.AdvanceOrders(step));
        var statuses = new List<SalesOrderStatus>();
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(step);
            _sut.AdvanceOrders(step);
            statuses.Add(_sut.FindOrder(order.Number)!.Status);
        }

        Assert.Equal([SalesOrderStatus.Allocated, SalesOrderStatus.Shipped, SalesOrderStatus.Invoiced, SalesOrderStatus.Invoiced], statuses);
        var changes = _sut.ChangesSince(0, 100).Where(c => c.OrderNumber == order.Number).ToList();
        Assert.Equal([1L, 2, 3, 4], changes.Select(c => c.Sequence));
        Assert.All(changes, c => Assert.Equal(ChangeTypes.OrderChanged, c.Type));
    }

    [Fact]
    public void SalesOrderNumber_BothSpellings_ParseToTheSameNumber()
    {
        var number = new SalesOrderNumber(42);

        Assert.Equal("SO-0000042", number.Cloud);
        Assert.Equal("4500000042", number.Legacy);
        Assert.True(SalesOrderNumber.TryParse(number.Legacy, out var fromLegacy));
        Assert.True(SalesOrderNumber.TryParse(number.Cloud, out var fromCloud));
        Assert.Equal(number, fromLegacy);
        Assert.Equal(number, fromCloud);
        Assert.False(SalesOrderNumber.TryParse("SO-x", out _));
    }

    private SalesOrderRequest ValidRequest(string reference)
    {
        var customer = Enumerable.Range(20001, 20).Select(c => _sut.FindCustomer(c.ToString(System.Globalization.CultureInfo.InvariantCulture))!)
            .First(c => c.Status == CustomerStatus.Active);
        var item = Enumerable.Range(100_000, 500).Select(s => _sut.FindItem(s.ToString(System.Globalization.CultureInfo.InvariantCulture))!)
            .First(i => i.Status == ItemStatus.Active);
        return new SalesOrderRequest(reference, customer.CustomerId, customer.ShipTos[0].ShipToId, null, [new SalesOrderLine(item.Sku, item.Unit.PackSize, null)]);
    }
}

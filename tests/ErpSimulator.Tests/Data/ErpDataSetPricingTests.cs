using ErpSimulator.Data;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ErpSimulator.Tests.Data;

/// <summary>The ERP's pricing rule over the generated data, with the clock held still.</summary>
public sealed class ErpDataSetPricingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ErpDataSet _sut;

    public ErpDataSetPricingTests() =>
        _sut = new ErpDataSet(Options.Create(new SimulatorOptions { Skus = 3000, Customers = 60 }), _time);

    [Fact]
    public void Quote_ContractWithBreaks_TakesTheContractBreakAtTheQuantity()
    {
        var (customerId, contract) = Customers()
            .SelectMany(c => _sut.ContractPrices(c.CustomerId)!.Select(p => (c.CustomerId, p)))
            .First(x => x.p.Breaks.Count > 1);
        var quantity = contract.Breaks[1].MinQuantity;

        var line = Assert.Single(_sut.Quote(customerId, quantity, [contract.Sku])!.Lines);

        Assert.Equal(PriceSource.Contract, line.Source);
        Assert.Equal(contract.Breaks[1].UnitPrice, line.UnitPrice);
        Assert.Equal(ListBreakAt(contract.Sku, contract.Currency, quantity), line.ListPrice);
        Assert.Equal(contract.Breaks, line.Breaks);
    }

    [Fact]
    public void Quote_ActivePromotionBelowList_PromotionWins()
    {
        var (customer, promotion) = UncontractedPromotion(p => p.ValidFrom.Year == 2026);

        var line = Assert.Single(_sut.Quote(customer.CustomerId, 1, [promotion.Sku])!.Lines);

        Assert.Equal(PriceSource.Promotion, line.Source);
        Assert.Equal(promotion.PriceIn(customer.Currency), line.UnitPrice);
        Assert.Equal(ListBreakAt(promotion.Sku, customer.Currency, 1), line.ListPrice);
    }

    [Fact]
    public void Quote_PromotionOutsideItsWindow_ListWins()
    {
        var (customer, promotion) = UncontractedPromotion(p => p.ValidFrom.Year == 2026);
        _time.SetUtcNow(new DateTimeOffset(2031, 1, 1, 0, 30, 0, TimeSpan.Zero)); // the day after the 2026-2030 window

        var line = Assert.Single(_sut.Quote(customer.CustomerId, 1, [promotion.Sku])!.Lines);

        Assert.Equal(PriceSource.List, line.Source);
        Assert.Equal(line.ListPrice, line.UnitPrice);
    }

    [Fact]
    public void Quote_UnknownCustomerOrSku_NullOrAbsent()
    {
        Assert.Null(_sut.Quote("29999", 1, ["100001"]));
        Assert.Empty(_sut.Quote("20001", 1, ["999999", "1000001", ""])!.Lines);
        Assert.Throws<ArgumentOutOfRangeException>(() => _sut.Quote("20001", 0, ["100001"]));
    }

    [Fact]
    public void SetContractPrice_NoContractYet_CreatesOneBreakAndBumpsTheSkuSequence()
    {
        var customer = Customers().First();
        var sku = Enumerable.Range(100_000, 3000).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(s => _sut.ContractPrice(customer.CustomerId, s) is null);
        var stockChange = _sut.SetStock(sku, "DAL", 10)!;

        var priceChange = _sut.SetContractPrice(customer.CustomerId, sku, 4.5m)!;

        var line = Assert.Single(_sut.Quote(customer.CustomerId, 1000, [sku])!.Lines);
        Assert.Equal((PriceSource.Contract, 4.5m), (line.Source, line.UnitPrice));
        Assert.True(priceChange.Sequence > stockChange.Sequence);
        Assert.Equal(priceChange.Token, stockChange.Token + 1);
        Assert.Equal([stockChange, priceChange], _sut.ChangesSince(stockChange.Token - 1, 10));
    }

    private IEnumerable<SimCustomer> Customers() =>
        Enumerable.Range(20001, _sut.CustomerCount).Select(c => _sut.FindCustomer(c.ToString(System.Globalization.CultureInfo.InvariantCulture))!);

    private (SimCustomer Customer, SimPromotion Promotion) UncontractedPromotion(Func<SimPromotion, bool> window)
    {
        var customer = Customers().First(c => c.Currency == Currencies.Usd);
        var promotion = Enumerable.Range(100_000, 3000)
            .Select(s => _sut.Promotion(s.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .OfType<SimPromotion>()
            .First(p => window(p) && _sut.ContractPrice(customer.CustomerId, p.Sku) is null && p.PriceUsd < ListBreakAt(p.Sku, Currencies.Usd, 1));
        return (customer, promotion);
    }

    private decimal ListBreakAt(string sku, string currency, int quantity) =>
        _sut.ListPrice(sku)!.In(currency)!.Last(b => b.MinQuantity <= quantity).UnitPrice;
}

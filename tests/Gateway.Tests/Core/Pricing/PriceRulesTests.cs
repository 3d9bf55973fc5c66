using Gateway.Core.Pricing;

namespace Gateway.Tests.Core.Pricing;

public class PriceRulesTests
{
    static readonly DateOnly Today = new(2026, 11, 22);
    static readonly PriceSchedule List = new([new(1, 10.00m), new(120, 9.50m), new(600, 9.00m)]);

    [Theory]
    [InlineData(1, 10.00)]
    [InlineData(119, 10.00)]
    [InlineData(120, 9.50)]
    [InlineData(599, 9.50)]
    [InlineData(600, 9.00)]
    [InlineData(100_000, 9.00)]
    public void Quote_ListOnly_TakesHighestBreakReached(int quantity, decimal expected)
    {
        var line = PriceRules.Quote("100042", quantity, List, contract: null, promotion: null, Today);

        Assert.NotNull(line);
        Assert.Equal(expected, line.UnitPrice);
        Assert.Equal(expected, line.ListPrice);
        Assert.Equal(PriceSource.List, line.Source);
    }

    [Fact]
    public void Quote_ContractExists_ContractWinsEvenWhenHigher()
    {
        var contract = new PriceSchedule([new(1, 11.00m)]);

        var line = PriceRules.Quote("100042", 600, List, contract, promotion: null, Today)!;

        Assert.Equal(11.00m, line.UnitPrice);
        Assert.Equal(9.00m, line.ListPrice);
        Assert.Equal(PriceSource.Contract, line.Source);
        Assert.Equal(contract.Breaks, line.Breaks);
    }

    [Fact]
    public void Quote_ContractAndPromotion_ContractWins()
    {
        var contract = new PriceSchedule([new(1, 9.80m), new(240, 9.10m)]);
        var promotion = new Promotion(5.00m, Today.AddDays(-1), Today.AddDays(1));

        var line = PriceRules.Quote("100042", 240, List, contract, promotion, Today)!;

        Assert.Equal(9.10m, line.UnitPrice);
        Assert.Equal(PriceSource.Contract, line.Source);
    }

    [Fact]
    public void Quote_ContractBreaksStartAboveQuantity_FallsBackToList()
    {
        var contract = new PriceSchedule([new(240, 8.00m)]);

        var line = PriceRules.Quote("100042", 12, List, contract, promotion: null, Today)!;

        Assert.Equal(10.00m, line.UnitPrice);
        Assert.Equal(PriceSource.List, line.Source);
    }

    [Fact]
    public void Quote_ActivePromotionLowerThanBreak_PromotionWins()
    {
        var line = PriceRules.Quote("100042", 120, List, null, new Promotion(9.25m, Today, Today), Today)!;

        Assert.Equal(9.25m, line.UnitPrice);
        Assert.Equal(9.50m, line.ListPrice);
        Assert.Equal(PriceSource.Promotion, line.Source);
        Assert.Equal(List.Ordered(), line.Breaks);
    }

    [Fact]
    public void Quote_PromotionHigherThanBreak_ListWins()
    {
        var line = PriceRules.Quote("100042", 600, List, null, new Promotion(9.25m, Today, Today), Today)!;

        Assert.Equal(9.00m, line.UnitPrice);
        Assert.Equal(PriceSource.List, line.Source);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Quote_PromotionOutsideWindow_Ignored(int daysAway)
    {
        var day = Today.AddDays(daysAway * 30);
        var promotion = new Promotion(1.00m, day, day);

        var line = PriceRules.Quote("100042", 1, List, null, promotion, Today)!;

        Assert.Equal(PriceSource.List, line.Source);
    }

    [Fact]
    public void Quote_BreaksGivenOutOfOrder_ShownAscending()
    {
        var shuffled = new PriceSchedule([new(600, 9.00m), new(1, 10.00m), new(120, 9.50m)]);

        var line = PriceRules.Quote("100042", 130, shuffled, null, null, Today)!;

        Assert.Equal(9.50m, line.UnitPrice);
        Assert.Equal([1, 120, 600], line.Breaks.Select(b => b.MinQuantity));
    }

    [Fact]
    public void Quote_QuantityBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceRules.Quote("100042", 0, List, null, null, Today));

    [Fact]
    public void Quote_ListWithoutApplicableBreak_ReturnsNull() =>
        Assert.Null(PriceRules.Quote("100042", 5, new PriceSchedule([new(10, 1m)]), null, null, Today));
}

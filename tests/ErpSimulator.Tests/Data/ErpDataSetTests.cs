using ErpSimulator.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSimulator.Tests.Data;

[Collection(SharedSimulator.Name)]
public sealed class ErpDataSetTests(SimulatorFixture fixture)
{
    private ErpDataSet Sut => fixture.Services.GetRequiredService<ErpDataSet>();

    [Fact]
    public void Constructor_DefaultOptions_HasTheReadmeShape()
    {
        Assert.Equal(10_000, Sut.SkuCount);
        Assert.Equal(500, Sut.CustomerCount);
        Assert.Equal(12, Sut.Categories.Count);
        Assert.NotNull(Sut.FindItem("100000"));
        Assert.NotNull(Sut.FindItem("109999"));
        Assert.Null(Sut.FindItem("110000"));
        Assert.NotNull(Sut.FindCustomer("20500"));
        Assert.Null(Sut.FindCustomer("20501"));

        var customers = Enumerable.Range(20001, 500).Select(c => Sut.FindCustomer(c.ToString(System.Globalization.CultureInfo.InvariantCulture))!).ToList();
        Assert.InRange(customers.Count(c => c.CreditStatus == CreditStatus.Hold), 10, 45);
        Assert.InRange(customers.Count(c => c.Currency == Currencies.Cad), 60, 140);
        Assert.All(customers, c => Assert.InRange(c.ShipTos.Count, 1, 4));
        Assert.All(customers, c => Assert.InRange(Sut.ContractPrices(c.CustomerId)!.Count, 40, 120));
    }
}

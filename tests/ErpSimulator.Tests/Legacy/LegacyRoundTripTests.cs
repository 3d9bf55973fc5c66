using System.ServiceModel;
using ErpSimulator.Tests.Legacy.Client;

namespace ErpSimulator.Tests.Legacy;

/// <summary>A WCF client (BasicHttpBinding, its own copy of the contract) against the legacy ERP over real HTTP.</summary>
[Collection(SharedSimulator.Name)]
public sealed class LegacyRoundTripTests(SimulatorFixture fixture) : IDisposable
{
    private const string Money = @"^\d+\.\d{4}$";
    private const string Quantity = @"^\d+\.\d{3}$";
    private readonly LegacyClient _client = new(fixture.BaseAddress);

    private ILegacyErpClient Sut => _client.Erp;

    private Task<SimSample> SampleAsync() => SimControl.SampleAsync(fixture.Client, skus: 20, customers: 10, TestContext.Current.CancellationToken);

    [Fact]
    public async Task GetItems_KnownAndUnknownNumbers_PaddedWithLegacyCodesAndUnknownAbsent()
    {
        var sample = await SampleAsync();
        var skus = sample.Skus.Take(5).ToList();

        var result = await Sut.GetItems([.. skus.Select(LegacyClient.Item), "000000000000999999"]);

        Assert.Equal(skus.Select(LegacyClient.Item), result.Items.Select(i => i.ItemNumber));
        Assert.All(result.Items, item =>
        {
            Assert.Matches("^(EA|BX[0-9]+|CS[0-9]+)$", item.Uom);
            Assert.Equal("A", item.Status);
            Assert.Matches("^20[0-9]{6}$", item.ChangedDate);
            Assert.Matches("^[0-9]{6}$", item.ChangedTime);
            Assert.True(item.ChangeNumber >= 1);
            Assert.False(string.IsNullOrEmpty(item.Description));
            Assert.False(string.IsNullOrEmpty(item.ProductGroup));
        });
    }

    [Fact]
    public async Task SearchItems_Category_PagesInItemNumberOrder()
    {
        var first = await Sut.SearchItems("Tools", null, 0, 50);
        var second = await Sut.SearchItems("Tools", null, 50, 50);

        Assert.True(first.TotalRows > 100);
        Assert.Equal(first.TotalRows, second.TotalRows);
        var numbers = first.Items.Concat(second.Items).Select(i => i.ItemNumber).ToList();
        Assert.Equal(100, numbers.Distinct().Count());
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
        Assert.All(first.Items, i => Assert.Equal("Tools", i.ProductGroup));
    }

    [Fact]
    public async Task GetCustomers_SampleCustomers_OneLetterCodesAndPaddedShipTos()
    {
        var sample = await SampleAsync();
        var customers = sample.Customers.Take(5).ToList();

        var result = await Sut.GetCustomers([.. customers.Select(c => LegacyClient.Customer(c.CustomerId))]);

        Assert.Equal(customers.Count, result.Customers.Length);
        foreach (var (expected, actual) in customers.Zip(result.Customers))
        {
            Assert.Equal(LegacyClient.Customer(expected.CustomerId), actual.CustomerNumber);
            Assert.Equal("A", actual.Status);
            Assert.Equal(expected.CreditStatus == "Hold" ? "X" : "", actual.CreditBlock);
            Assert.Matches("^Z0(00|30|45|60)$", actual.PaymentTerms);
            Assert.Matches("^(USD|CAD)$", actual.Currency);
            Assert.False(string.IsNullOrEmpty(actual.BillTo.City));
            Assert.Equal(expected.ShipToIds.Select(s => LegacyClient.Customer(s[..5]) + s[5..]), actual.ShipTos.Select(s => s.ShipToNumber));
        }
    }

    [Fact]
    public async Task GetPriceQuote_ContractSku_MoneyAsFourPlaceStringsWithTheContractSource()
    {
        var sample = await SampleAsync();
        var customer = sample.Customers[0];
        var contractSku = customer.ContractSkus[0];

        var quote = await Sut.GetPriceQuote(LegacyClient.Customer(customer.CustomerId), "10.000", [LegacyClient.Item(contractSku), LegacyClient.Item(sample.Skus[7])]);

        Assert.Matches("^(USD|CAD)$", quote.Currency);
        var contractLine = Assert.Single(quote.Lines, l => l.ItemNumber == LegacyClient.Item(contractSku));
        Assert.Equal("K", contractLine.Source);
        Assert.All(quote.Lines, line =>
        {
            Assert.Equal("10.000", line.Quantity);
            Assert.Matches(Money, line.NetPrice);
            Assert.Matches(Money, line.ListPrice);
            Assert.Matches("^[KLP]$", line.Source);
            Assert.Equal("1.000", line.Breaks[0].FromQuantity);
            Assert.All(line.Breaks, b => Assert.Matches(Money, b.Price));
        });
    }

    [Fact]
    public async Task GetStock_Items_OneRowPerItemAndPlant()
    {
        var sample = await SampleAsync();
        var skus = sample.Skus.Take(3).ToList();

        var result = await Sut.GetStock([.. skus.Select(LegacyClient.Item)]);

        Assert.Equal(9, result.Stock.Length);
        Assert.All(skus, sku => Assert.Equal(
            ["ATL", "DAL", "TOR"],
            result.Stock.Where(s => s.ItemNumber == LegacyClient.Item(sku)).Select(s => s.Plant).Order(StringComparer.Ordinal)));
        Assert.All(result.Stock, s =>
        {
            Assert.Matches(Quantity, s.OnHand);
            Assert.Matches(Quantity, s.Reserved);
            Assert.Matches(Quantity, s.SafetyStock);
            Assert.Matches("^[0-9]{8}$", s.AsOfDate);
        });
    }

    [Fact]
    public async Task GetPriceQuote_UnknownCustomer_NotFoundFault()
    {
        var sample = await SampleAsync();
        var fault = await Assert.ThrowsAsync<FaultException>(() => Sut.GetPriceQuote("0000099999", "1.000", [LegacyClient.Item(sample.Skus[0])]));

        Assert.Equal("NotFound", fault.Reason.ToString());
    }

    [Theory]
    [InlineData("100001", "1.000")]
    [InlineData("00000000000010000X", "1.000")]
    [InlineData("000000000000100001", "ten")]
    [InlineData("000000000000100001", "1,5")]
    [InlineData("000000000000100001", "0.000")]
    public async Task GetPriceQuote_MalformedNumbers_InvalidArgumentFault(string itemNumber, string quantity)
    {
        var sample = await SampleAsync();
        var fault = await Assert.ThrowsAsync<FaultException>(() => Sut.GetPriceQuote(LegacyClient.Customer(sample.Customers[0].CustomerId), quantity, [itemNumber]));

        Assert.Equal("InvalidArgument", fault.Reason.ToString());
        Assert.Equal("Client", fault.Code.Name);
    }

    [Fact]
    public async Task GetItems_FiftyOneItemNumbers_BatchTooLargeFault()
    {
        var fiftyOne = Enumerable.Range(100000, 51).Select(n => LegacyClient.Item(n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        var fault = await Assert.ThrowsAsync<FaultException>(() => Sut.GetItems(fiftyOne));
        var fifty = await Sut.GetItems(fiftyOne[..50]);

        Assert.Equal("BatchTooLarge", fault.Reason.ToString());
        Assert.Equal(50, fifty.Items.Length);
    }

    public void Dispose() => _client.Dispose();
}

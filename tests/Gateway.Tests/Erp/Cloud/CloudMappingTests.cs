using System.Globalization;
using Gateway.Core.Catalog;
using Gateway.Core.Pricing;
using Gateway.Erp.Cloud;
using Gateway.Erp.Outbound;

namespace Gateway.Tests.Erp.Cloud;

public sealed class CloudMappingTests
{
    [Theory]
    [InlineData("each", "EA")]
    [InlineData("box", "BX")]
    [InlineData("case", "CS")]
    public void Uom_CloudCode_IsTheCanonicalCode(string code, string expected) =>
        Assert.Equal(expected, CloudMapping.Uom(code));

    [Fact]
    public void Uom_UnknownCode_IsAContractViolation() =>
        Assert.Throws<ErpContractException>(() => CloudMapping.Uom("pallet"));

    [Theory]
    [InlineData("net30", "NET30")]
    [InlineData("cod", "COD")]
    public void PaymentTerms_CloudTerms_AreTheCanonicalTerms(string terms, string expected) =>
        Assert.Equal(expected, CloudMapping.PaymentTerms(terms));

    [Fact]
    public void ToProduct_CloudItem_MapsUomStatusAndWholeSecondTime()
    {
        var item = new CloudItem(
            "100042", "Hex bolt", "M8 zinc", "fasteners", new CloudUnitOfMeasure("box", 12), "discontinued", 5,
            new DateTimeOffset(2026, 1, 5, 10, 0, 0, 999, TimeSpan.FromHours(1)));

        var sut = CloudMapping.ToProduct(item);

        Assert.Equal(("BX", 12), (sut.Uom, sut.PackSize));
        Assert.Equal(ProductStatus.Discontinued, sut.Status);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), sut.UpdatedAt);
    }

    [Fact]
    public void ToStock_Locations_AllocatedCountsAsReserved()
    {
        var inventory = new CloudInventory("100042", 7, DateTimeOffset.UnixEpoch, [new CloudLocation("W1", 10, 2, 1), new CloudLocation("W2", 1, 3, 0)]);

        var sut = CloudMapping.ToStock(inventory);

        Assert.Equal(11, sut.OnHand);
        Assert.Equal(5, sut.Reserved);
        Assert.Equal(7, sut.AvailableToPromise);
    }
}

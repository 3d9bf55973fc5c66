using System.Globalization;
using Gateway.Core.Pricing;
using Gateway.Erp.Legacy;
using Gateway.Erp.Legacy.Contract;
using Gateway.Erp.Outbound;

namespace Gateway.Tests.Erp.Legacy;

public sealed class LegacyMappingTests
{
    [Theory]
    [InlineData("100042", "000000000000100042")]
    [InlineData("123456789012345678", "123456789012345678")]
    [InlineData("1234567890123456789", null)]
    [InlineData("ABC-1", null)]
    [InlineData("", null)]
    public void ItemNumber_Sku_PaddedTo18DigitsOrNullWhenImpossible(string sku, string? expected) =>
        Assert.Equal(expected, LegacyMapping.ItemNumber(sku));

    [Theory]
    [InlineData("000000000000100042", "100042")]
    [InlineData("000000000000000000", "0")]
    public void Sku_PaddedItemNumber_LosesItsZeros(string itemNumber, string expected) =>
        Assert.Equal(expected, LegacyMapping.Sku(itemNumber));

    [Fact]
    public void ShipToNumber_CustomerAndSuffix_PadsTheCustomerOnly()
    {
        Assert.Equal("0000020001-01", LegacyMapping.ShipToNumber("20001-01"));
        Assert.Equal("20001-01", LegacyMapping.ShipToId("0000020001-01"));
        Assert.Null(LegacyMapping.ShipToNumber("20001"));
    }

    [Theory]
    [InlineData("12.5000", "12.50")]
    [InlineData("12.3450", "12.345")]
    [InlineData("7", "7.00")]
    public void Money_FourPlaceString_KeepsSignificantPlacesAndAtLeastTwo(string text, string expected) =>
        Assert.Equal(expected, LegacyMapping.Money(text).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void Quantity_WholeEachesAsThreePlaceString_RoundTrips()
    {
        Assert.Equal(120, LegacyMapping.Quantity("120.000"));
        Assert.Equal("24.000", LegacyMapping.Quantity(24));
    }

    [Theory]
    [InlineData("1.500")]
    [InlineData("twelve")]
    public void Quantity_FractionalOrUnreadable_IsAContractViolation(string text) =>
        Assert.Throws<ErpContractException>(() => LegacyMapping.Quantity(text));

    [Fact]
    public void Timestamp_SeparateDateAndTime_IsOneUtcInstant() =>
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 59, 58, TimeSpan.Zero), LegacyMapping.Timestamp("20251231", "235958"));

    [Fact]
    public void Timestamp_ImpossibleDate_IsAContractViolation() =>
        Assert.Throws<ErpContractException>(() => LegacyMapping.Timestamp("20250231", "120000"));

    [Theory]
    [InlineData("EA", "EA", 1)]
    [InlineData("BX12", "BX", 12)]
    [InlineData("CS24", "CS", 24)]
    public void Uom_CodeWithPackSize_SplitsUnitAndPack(string code, string unit, int pack) =>
        Assert.Equal((unit, pack), LegacyMapping.Uom(code));

    [Theory]
    [InlineData("PL10")]
    [InlineData("BX0")]
    [InlineData("BXx")]
    public void Uom_UnknownCode_IsAContractViolation(string code) =>
        Assert.Throws<ErpContractException>(() => LegacyMapping.Uom(code));

    [Fact]
    public void ToStock_RowsPerPlant_SumToOneLevelPerSku()
    {
        LegacyStock Row(string plant, string onHand, long change) => new()
        {
            ItemNumber = "000000000000100042",
            Plant = plant,
            OnHand = onHand,
            Reserved = "2.000",
            SafetyStock = "1.000",
            ChangeNumber = change,
            AsOfDate = "20260105",
            AsOfTime = "080000",
        };

        var sut = Assert.Single(LegacyMapping.ToStock([Row("W1", "10.000", 3), Row("W2", "5.000", 7)]));

        Assert.Equal("100042", sut.Sku);
        Assert.Equal(7, sut.Version);
        Assert.Equal(15, sut.OnHand);
        Assert.Equal(4, sut.Reserved);
        Assert.Equal(7 + 2, sut.AvailableToPromise);
    }
}

using Gateway.Orders;

namespace Gateway.Tests.Orders;

public class OrdersOptionsTests
{
    [Fact]
    public void Validate_Defaults_TakeOverAKilledInstanceWithinTenSeconds()
    {
        var sut = new OrdersOptions();

        Assert.Empty(OptionsValidation.Validate(sut));
        Assert.True(sut.HandOffClaimIdle + sut.HandOffPollInterval <= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Validate_RenewalsAThirdOfTheClaimIdle_Accepted()
    {
        var sut = new OrdersOptions { HandOffClaimIdle = TimeSpan.FromSeconds(3), HandOffRenewInterval = TimeSpan.FromSeconds(1) };

        Assert.Empty(OptionsValidation.Validate(sut));
    }

    [Fact]
    public void Validate_RenewalsTooRareForTheClaimIdle_NamesTheRenewInterval()
    {
        var sut = new OrdersOptions { HandOffClaimIdle = TimeSpan.FromSeconds(2), HandOffRenewInterval = TimeSpan.FromSeconds(1) };

        var result = Assert.Single(OptionsValidation.Validate(sut));
        Assert.Equal([nameof(OrdersOptions.HandOffRenewInterval)], result.MemberNames);
    }
}

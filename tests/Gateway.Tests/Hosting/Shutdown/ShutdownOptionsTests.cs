using Gateway.Hosting.Shutdown;

namespace Gateway.Tests.Hosting.Shutdown;

public class ShutdownOptionsTests
{
    [Fact]
    public void Validate_Defaults_DrainFiveSecondsWithinThirty()
    {
        var sut = new ShutdownOptions();

        Assert.Empty(OptionsValidation.Validate(sut));
        Assert.Equal(TimeSpan.FromSeconds(5), sut.DrainDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), sut.Timeout);
    }

    [Fact]
    public void Validate_NoDrain_Accepted() =>
        Assert.Empty(OptionsValidation.Validate(new ShutdownOptions { DrainDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(5) }));

    [Fact]
    public void Validate_TimeoutNotAboveTheDrain_NamesTheTimeout()
    {
        var sut = new ShutdownOptions { DrainDelay = TimeSpan.FromSeconds(20), Timeout = TimeSpan.FromSeconds(22) };

        var result = Assert.Single(OptionsValidation.Validate(sut));
        Assert.Equal([nameof(ShutdownOptions.Timeout)], result.MemberNames);
    }
}

using System.ComponentModel.DataAnnotations;
using Gateway.Events;

namespace Gateway.Tests.Events;

public sealed class EventsOptionsTests
{
    static List<ValidationResult> Validate(EventsOptions options) => OptionsValidation.Validate(options);

    [Fact]
    public void Validate_Defaults_IsValid() => Assert.Empty(Validate(new EventsOptions()));

    [Fact]
    public void Constructor_Defaults_ToleranceFiveMinutesAndUntimestampedRefusedAsTheContractPins()
    {
        var sut = new EventsOptions();

        Assert.Equal(TimeSpan.FromMinutes(5), sut.WebhookTolerance);
        Assert.False(sut.AcceptUntimestampedWebhooks);
    }

    [Fact]
    public void Validate_ToleranceHalfTheReplayWindow_IsValid() =>
        Assert.Empty(Validate(new EventsOptions { WebhookTolerance = TimeSpan.FromMinutes(1), ReplayWindow = TimeSpan.FromMinutes(2) }));

    [Fact]
    public void Validate_ToleranceAboveHalfTheReplayWindow_NamesWebhookTolerance()
    {
        var results = Validate(new EventsOptions { WebhookTolerance = TimeSpan.FromMinutes(5), ReplayWindow = TimeSpan.FromMinutes(9) });

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(EventsOptions.WebhookTolerance)));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("02:00:00")]
    public void Validate_ToleranceOutOfRange_NamesWebhookTolerance(string tolerance)
    {
        var results = Validate(new EventsOptions { WebhookTolerance = TimeSpan.Parse(tolerance, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(EventsOptions.WebhookTolerance)));
    }
}

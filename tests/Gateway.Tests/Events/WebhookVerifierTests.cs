using System.Globalization;
using System.Text;
using Gateway.Events;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Events;

public sealed class WebhookVerifierTests
{
    const string Secret = "s3cret";
    static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"eventId":"e"}""");
    static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    readonly EventsOptions _options = new() { WebhookSecret = Secret, WebhookTolerance = Tolerance };

    WebhookVerifier CreateSut() => new(new FixedOptions(_options), _time);

    string SecondsFromNow(TimeSpan offset) => (_time.GetUtcNow() + offset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    WebhookVerdict VerifySignedAt(TimeSpan offset)
    {
        var timestamp = SecondsFromNow(offset);
        return CreateSut().Verify(timestamp, ErpSigner.Timestamped(timestamp, Body, Secret), Body);
    }

    [Fact]
    public void Verify_SignedNow_Authentic() => Assert.Equal(WebhookVerdict.Authentic, VerifySignedAt(TimeSpan.Zero));

    [Fact]
    public void Verify_SignedExactlyTheToleranceAgo_Authentic() => Assert.Equal(WebhookVerdict.Authentic, VerifySignedAt(-Tolerance));

    [Fact]
    public void Verify_SignedExactlyTheToleranceAhead_Authentic() => Assert.Equal(WebhookVerdict.Authentic, VerifySignedAt(Tolerance));

    [Fact]
    public void Verify_SignedLongerAgoThanTheTolerance_OutsideTolerance() =>
        Assert.Equal(WebhookVerdict.OutsideTolerance, VerifySignedAt(-Tolerance - TimeSpan.FromSeconds(1)));

    [Fact]
    public void Verify_SignedFurtherAheadThanTheTolerance_OutsideTolerance() =>
        Assert.Equal(WebhookVerdict.OutsideTolerance, VerifySignedAt(Tolerance + TimeSpan.FromSeconds(1)));

    [Fact]
    public void Verify_SameDeliveryAfterTheTolerancePasses_OutsideTolerance()
    {
        var sut = CreateSut();
        var timestamp = SecondsFromNow(TimeSpan.Zero);
        var signature = ErpSigner.Timestamped(timestamp, Body, Secret);
        var fresh = sut.Verify(timestamp, signature, Body);

        _time.Advance(Tolerance + TimeSpan.FromSeconds(1));

        Assert.Equal(WebhookVerdict.Authentic, fresh);
        Assert.Equal(WebhookVerdict.OutsideTolerance, sut.Verify(timestamp, signature, Body));
    }

    [Fact]
    public void Verify_ToleranceChangedAtRunTime_UsesTheCurrentOne()
    {
        var sut = CreateSut();
        var timestamp = SecondsFromNow(-TimeSpan.FromMinutes(2));

        _options.WebhookTolerance = TimeSpan.FromMinutes(1);

        Assert.Equal(WebhookVerdict.OutsideTolerance, sut.Verify(timestamp, ErpSigner.Timestamped(timestamp, Body, Secret), Body));
    }

    [Fact]
    public void Verify_SignatureOverAnotherTimestamp_SignatureMismatch()
    {
        var signature = ErpSigner.Timestamped(SecondsFromNow(-TimeSpan.FromSeconds(1)), Body, Secret);

        Assert.Equal(WebhookVerdict.SignatureMismatch, CreateSut().Verify(SecondsFromNow(TimeSpan.Zero), signature, Body));
    }

    [Fact]
    public void Verify_BodyOnlySignatureUnderAFreshTimestamp_SignatureMismatch()
    {
        _options.AcceptUntimestampedWebhooks = true;

        Assert.Equal(WebhookVerdict.SignatureMismatch, CreateSut().Verify(SecondsFromNow(TimeSpan.Zero), ErpSigner.BodyOnly(Body, Secret), Body));
    }

    [Fact]
    public void Verify_StaleAndForged_SignatureMismatchNotOutsideTolerance()
    {
        var timestamp = SecondsFromNow(-TimeSpan.FromHours(1));

        Assert.Equal(WebhookVerdict.SignatureMismatch, CreateSut().Verify(timestamp, ErpSigner.Timestamped(timestamp, Body, "other"), Body));
    }

    [Fact]
    public void Verify_NoSignature_Unsigned() => Assert.Equal(WebhookVerdict.Unsigned, CreateSut().Verify(SecondsFromNow(TimeSpan.Zero), null, Body));

    [Fact]
    public void Verify_BodyOnlySignatureByDefault_Untimestamped() =>
        Assert.Equal(WebhookVerdict.Untimestamped, CreateSut().Verify(null, ErpSigner.BodyOnly(Body, Secret), Body));

    [Fact]
    public void Verify_BodyOnlySignatureWhileAccepted_Authentic()
    {
        _options.AcceptUntimestampedWebhooks = true;

        Assert.Equal(WebhookVerdict.Authentic, CreateSut().Verify(null, ErpSigner.BodyOnly(Body, Secret), Body));
    }

    [Fact]
    public void Verify_BodyOnlySignatureWithAnotherSecretWhileAccepted_SignatureMismatch()
    {
        _options.AcceptUntimestampedWebhooks = true;

        Assert.Equal(WebhookVerdict.SignatureMismatch, CreateSut().Verify(null, ErpSigner.BodyOnly(Body, "other"), Body));
    }

    [Fact]
    public void Verify_StaleTimestampWhileUntimestampedAccepted_OutsideTolerance()
    {
        _options.AcceptUntimestampedWebhooks = true;

        Assert.Equal(WebhookVerdict.OutsideTolerance, VerifySignedAt(-TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("+1740830400")]
    [InlineData(" 1740830400")]
    [InlineData("1740830400.5")]
    [InlineData("99999999999999999999")]
    public void Verify_TimestampNotUnixSeconds_MalformedTimestamp(string timestamp) =>
        Assert.Equal(WebhookVerdict.MalformedTimestamp, CreateSut().Verify(timestamp, ErpSigner.Timestamped(timestamp, Body, Secret), Body));

    sealed class FixedOptions(EventsOptions value) : IOptionsMonitor<EventsOptions>
    {
        public EventsOptions CurrentValue => value;

        public EventsOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<EventsOptions, string?> listener) => null;
    }
}

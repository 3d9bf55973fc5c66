using System.Globalization;
using Microsoft.Extensions.Options;

namespace Gateway.Events;

/// <summary>
/// Whether a webhook comes from the cloud ERP and was signed recently: its <c>X-Erp-Signature</c> over
/// <c>"&lt;X-Erp-Timestamp&gt;.&lt;body&gt;"</c>, and the timestamp within <see cref="EventsOptions.WebhookTolerance"/> of
/// this gateway's clock either way. The body-only signature counts only under
/// <see cref="EventsOptions.AcceptUntimestampedWebhooks"/>.
/// </summary>
internal sealed class WebhookVerifier(IOptionsMonitor<EventsOptions> options, TimeProvider time)
{
    public WebhookVerdict Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (signature is null)
        {
            return WebhookVerdict.Unsigned;
        }

        var current = options.CurrentValue;
        if (timestamp is null)
        {
            return !current.AcceptUntimestampedWebhooks ? WebhookVerdict.Untimestamped
                : WebhookSignature.IsValid(body, signature, current.WebhookSecret) ? WebhookVerdict.Authentic
                : WebhookVerdict.SignatureMismatch;
        }

        // Digits only: no sign, no blanks, so one instant has one spelling that the signature covers.
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var signedAt))
        {
            return WebhookVerdict.MalformedTimestamp;
        }

        if (!WebhookSignature.IsValid(timestamp, body, signature, current.WebhookSecret))
        {
            return WebhookVerdict.SignatureMismatch;
        }

        // Signed at 0 or more seconds, and now is well inside long's range: the difference cannot overflow.
        var skew = time.GetUtcNow().ToUnixTimeSeconds() - signedAt;
        var tolerance = (long)current.WebhookTolerance.TotalSeconds;
        return skew >= -tolerance && skew <= tolerance ? WebhookVerdict.Authentic : WebhookVerdict.OutsideTolerance;
    }
}

/// <summary>What <see cref="WebhookVerifier"/> makes of a webhook, before its body is read.</summary>
internal enum WebhookVerdict
{
    Authentic,

    /// <summary>No <c>X-Erp-Signature</c>.</summary>
    Unsigned,

    /// <summary>The body-only signature, without <c>X-Erp-Timestamp</c>, while that form is not accepted.</summary>
    Untimestamped,

    /// <summary>An <c>X-Erp-Timestamp</c> that is not Unix seconds.</summary>
    MalformedTimestamp,

    /// <summary>Signed with another secret, or over another body or another timestamp.</summary>
    SignatureMismatch,

    /// <summary>Correctly signed, at a time further from this gateway's clock than the tolerance: a replay, or a clock that is off.</summary>
    OutsideTolerance,
}

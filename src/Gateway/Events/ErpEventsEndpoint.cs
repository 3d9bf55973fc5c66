using System.Text.Json;
using Gateway.CanonicalApi.Problems;
using Gateway.Core.Diagnostics;
using Gateway.Core.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gateway.Events;

/// <summary>
/// <c>POST /events/erp</c>: the cloud ERP's webhooks. The signature and its timestamp are checked over the raw bytes
/// before anything is parsed (<see cref="WebhookVerifier"/>); a new event is answered <c>202</c>, a replayed or outdated one <c>200</c> (delivered, no effect), so the
/// ERP stops retrying either way. While Redis is away the answer is <c>503</c> and the ERP delivers again later.
/// </summary>
internal static class ErpEventsEndpoint
{
    public const string Route = "/events/erp";

    /// <summary>The throttle of refused-webhook lines.</summary>
    public const string RefusalLogKey = "events-refused-webhooks";


    /// <summary>Change events are a few hundred bytes; anything far larger is not one.</summary>
    const int MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        ChangeIngestion ingestion,
        WebhookVerifier verifier,
        IOptionsMonitor<EventsOptions> options,
        [FromKeyedServices(RefusalLogKey)] LogThrottle refusalLog,
        ILogger<ChangeIngestion> logger)
    {
        var cancellationToken = context.RequestAborted;
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Body too large", $"A change event is at most {MaxBodyBytes} bytes.");
        }

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Body too large", $"A change event is at most {MaxBodyBytes} bytes.");
        }

        var verdict = verifier.Verify(
            Header(context.Request, WebhookSignature.TimestampHeaderName), Header(context.Request, WebhookSignature.HeaderName), body);
        if (verdict != WebhookVerdict.Authentic)
        {
            // A flood of forged webhooks must not write a line each; the reason is the gateway's word, never a header's.
            if (refusalLog.ShouldLog(out var leftOut))
            {
                Log.WebhookRefused(logger, Reason(verdict), leftOut);
            }

            return Refusal(verdict, options.CurrentValue);
        }

        WebhookChange? incoming;
        try
        {
            incoming = JsonSerializer.Deserialize<WebhookChange>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body is not a JSON change event."] },
                type: ProblemTypes.InvalidRequest);
        }

        if (Validate(incoming) is { } errors)
        {
            return TypedResults.ValidationProblem(errors, type: ProblemTypes.InvalidRequest);
        }

        var change = incoming!.ToChange();
        try
        {
            var result = await ingestion.IngestAsync(change, "webhook", cancellationToken);
            var answer = new WebhookAnswer(change.EventId, result.ToString().ToLowerInvariant());
            return result == IngestResult.Applied ? TypedResults.Accepted((string?)null, answer) : TypedResults.Ok(answer);
        }
        catch (ChangeLedgerUnavailableException)
        {
            context.Response.Headers.RetryAfter = "1";
            return Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.EventsUnavailable, "Events cannot be recorded now",
                "The event store is unreachable; deliver the event again later.");
        }
    }

    static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    static Dictionary<string, string[]>? Validate(WebhookChange? change)
    {
        if (change is null)
        {
            return new() { ["body"] = ["The body is not a JSON change event."] };
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(change.EventId))
        {
            errors["eventId"] = ["eventId is required."];
        }

        if (!ErpChangeTypes.IsKnown(change.Type))
        {
            errors["type"] = ["type must be item.changed, price.changed, inventory.changed, customer.changed or order.changed."];
        }
        else if (change.Type is ErpChangeTypes.ItemChanged or ErpChangeTypes.InventoryChanged or ErpChangeTypes.PriceChanged && string.IsNullOrWhiteSpace(change.Sku))
        {
            errors["sku"] = [$"sku is required for {change.Type}."];
        }
        else if (change.Type is ErpChangeTypes.CustomerChanged && string.IsNullOrWhiteSpace(change.CustomerId))
        {
            errors["customerId"] = ["customerId is required for customer.changed."];
        }
        else if (change.Type is ErpChangeTypes.OrderChanged && string.IsNullOrWhiteSpace(change.OrderNumber))
        {
            errors["orderNumber"] = ["orderNumber is required for order.changed."];
        }

        if (change.Sequence is not >= 0)
        {
            errors["sequence"] = ["sequence is required and not negative."];
        }

        if (change.OccurredAt is null)
        {
            errors["occurredAt"] = ["occurredAt is required (ISO 8601)."];
        }

        return errors.Count == 0 ? null : errors;
    }

    static string? Header(HttpRequest request, string name) => request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>
    /// Every refusal is 401 problem+json, as a bad signature always was. Until the signature is proven one answer fits
    /// all (no signature, another secret, another body or timestamp, the untimestamped form), so a prober learns
    /// nothing. A correctly signed webhook outside the tolerance gets its own <c>type</c>: only the secret's holder, or
    /// someone replaying what it sent, gets that far, and neither learns anything new from it, while the ERP's
    /// operators can tell a clock that is off from a wrong secret in their own delivery logs.
    /// </summary>
    static ProblemHttpResult Refusal(WebhookVerdict verdict, EventsOptions options) => verdict == WebhookVerdict.OutsideTolerance
        ? Problem(StatusCodes.Status401Unauthorized, ProblemTypes.WebhookTimestamp, "Timestamp outside the tolerance",
            $"{WebhookSignature.TimestampHeaderName} must be within {(long)options.WebhookTolerance.TotalSeconds} s of the gateway's clock; sign every delivery attempt anew.")
        : Problem(StatusCodes.Status401Unauthorized, ProblemTypes.WebhookSignature, "Invalid signature",
            $"{WebhookSignature.HeaderName} must be sha256=<hex HMAC-SHA256 of \"<{WebhookSignature.TimestampHeaderName}>.<body>\"> with the shared secret.");

    static string Reason(WebhookVerdict verdict) => verdict switch
    {
        WebhookVerdict.Unsigned => "no signature",
        WebhookVerdict.Untimestamped => "no timestamp, and Events:AcceptUntimestampedWebhooks is off",
        WebhookVerdict.MalformedTimestamp => "the timestamp is not Unix seconds",
        WebhookVerdict.OutsideTolerance => "signed further from this gateway's clock than Events:WebhookTolerance",
        _ => "signature does not match",
    };

    static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: type);

    /// <summary>The webhook body as sent; every field optional here so that a missing one is a 400 naming it.</summary>
    sealed record WebhookChange(
        string? EventId, string? Type, string? Sku, string? CustomerId, string? WarehouseId, string? OrderNumber, long? Sequence, DateTimeOffset? OccurredAt)
    {
        public ErpChange ToChange() => new(EventId!, Type!, Sku, CustomerId, WarehouseId, OrderNumber, Sequence!.Value, OccurredAt!.Value);
    }
}

/// <summary>The answer to a delivered event: its id and <c>applied</c>, <c>duplicate</c> or <c>outdated</c>.</summary>
internal sealed record WebhookAnswer(string EventId, string Status);

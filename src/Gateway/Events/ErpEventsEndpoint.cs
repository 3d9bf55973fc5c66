using System.Text.Json;
using Gateway.Core.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gateway.Events;

/// <summary>
/// <c>POST /events/erp</c>: the cloud ERP's webhooks. The signature is checked over the raw bytes before anything is
/// parsed; a new event is answered <c>202</c>, a replayed or outdated one <c>200</c> (delivered, no effect), so the
/// ERP stops retrying either way. While Redis is away the answer is <c>503</c> and the ERP delivers again later.
/// </summary>
internal static class ErpEventsEndpoint
{
    public const string Route = "/events/erp";
    const string ProblemBase = "https://gateway.example/problems/";

    /// <summary>Change events are a few hundred bytes; anything far larger is not one.</summary>
    const int MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context, ChangeIngestion ingestion, IOptionsMonitor<EventsOptions> options, ILogger<ChangeIngestion> logger)
    {
        var cancellationToken = context.RequestAborted;
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "Body too large", $"A change event is at most {MaxBodyBytes} bytes.");
        }

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "Body too large", $"A change event is at most {MaxBodyBytes} bytes.");
        }

        if (!WebhookSignature.IsValid(body, context.Request.Headers[WebhookSignature.HeaderName].ToString(), options.CurrentValue.WebhookSecret))
        {
            Log.WebhookRefused(logger, context.Request.Headers.ContainsKey(WebhookSignature.HeaderName) ? "signature does not match" : "no signature");
            return Problem(StatusCodes.Status401Unauthorized, "webhook-signature", "Invalid signature",
                $"{WebhookSignature.HeaderName} must be sha256=<hex HMAC-SHA256 of the body> with the shared secret.");
        }

        WebhookChange? incoming;
        try
        {
            incoming = JsonSerializer.Deserialize<WebhookChange>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body is not a JSON change event."] },
                type: ProblemBase + "validation");
        }

        if (Validate(incoming) is { } errors)
        {
            return TypedResults.ValidationProblem(errors, type: ProblemBase + "validation");
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
            return Problem(StatusCodes.Status503ServiceUnavailable, "events-unavailable", "Events cannot be recorded now",
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

    static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: ProblemBase + type);

    /// <summary>The webhook body as sent; every field optional here so that a missing one is a 400 naming it.</summary>
    sealed record WebhookChange(
        string? EventId, string? Type, string? Sku, string? CustomerId, string? WarehouseId, string? OrderNumber, long? Sequence, DateTimeOffset? OccurredAt)
    {
        public ErpChange ToChange() => new(EventId!, Type!, Sku, CustomerId, WarehouseId, OrderNumber, Sequence!.Value, OccurredAt!.Value);
    }
}

/// <summary>The answer to a delivered event: its id and <c>applied</c>, <c>duplicate</c> or <c>outdated</c>.</summary>
internal sealed record WebhookAnswer(string EventId, string Status);

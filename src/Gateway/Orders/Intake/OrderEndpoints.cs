using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Gateway.CanonicalApi.Problems;
using Gateway.CanonicalApi.Validation;
using Gateway.Edge;
using Gateway.Edge.Scoping;
using Gateway.Orders.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Gateway.Orders.Intake;

/// <summary><c>POST /v1/orders</c> (idempotent intake) and <c>GET /v1/orders/{orderId}</c>.</summary>
public static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder v1)
    {
        var orders = v1.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("/", PlaceOrder)
            .RequireAuthorization(Scopes.OrdersWrite)
            .Accepts<OrderRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Places an order; the Idempotency-Key header makes retries safe.");
        orders.MapGet("/{orderId}", GetOrder)
            .RequireAuthorization(Scopes.OrdersRead)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An order with its status history, ERP order number and shipments.");
        return v1;
    }

    internal static string Location(string orderId) => "/v1/orders/" + Uri.EscapeDataString(orderId);

    static async Task<Results<Accepted<Order>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        [FromHeader(Name = IdempotencyKey.HeaderName), MaxLength(IdempotencyKey.MaxLength)] string? idempotencyKey,
        HttpContext context,
        OrderIntake intake,
        IOptions<HttpJsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (KeyProblem(context, idempotencyKey) is { } keyProblem)
        {
            return CanonicalProblems.Invalid(new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = [keyProblem] });
        }

        var (request, bodyErrors) = await ReadAsync<OrderRequest>(context.Request, json.Value.SerializerOptions, "an order", cancellationToken);
        if (request is null)
        {
            return CanonicalProblems.Invalid(bodyErrors!);
        }

        var callerId = context.Features.Get<Caller>()?.Id ?? "anonymous";
        var outcome = await intake.PlaceAsync(callerId, idempotencyKey!, request, context.CallerActsFor, cancellationToken);
        return outcome.Result switch
        {
            IntakeResult.Accepted => TypedResults.Accepted(Location(outcome.Order!.OrderId), outcome.Order),
            IntakeResult.Invalid => CanonicalProblems.Invalid(outcome.Errors!.ToDictionary()),
            IntakeResult.CustomerNotFound => OrderProblems.NotFound("customerId", $"No customer '{request.CustomerId}'."),
            IntakeResult.KeyReusedForAnotherOrder => OrderProblems.KeyReused(),
            _ => OrderProblems.InProgress(context),
        };
    }

    static async Task<Results<Ok<Order>, ProblemHttpResult>> GetOrder([MaxLength(BatchKeys.MaxKeyLength)] string orderId, HttpContext context, IOrderStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(orderId, cancellationToken) is { } stored && context.CallerActsFor(stored.Order.CustomerId)
            ? TypedResults.Ok(stored.Order)
            : CanonicalProblems.NotFound("order", orderId);

    /// <summary>Why the request's <c>Idempotency-Key</c> cannot be used, or null. Binding would join a repeated header into one value; two keys for one request is a client bug to name.</summary>
    internal static string? KeyProblem(HttpContext context, string? idempotencyKey) =>
        context.Request.Headers[IdempotencyKey.HeaderName].Count > 1 ? $"Send one {IdempotencyKey.HeaderName} header." : IdempotencyKey.Problem(idempotencyKey);

    /// <summary>
    /// The body, or errors naming the field (JSON path) that could not be read. A body over <c>Edge:Requests:MaxBodyBytes</c>
    /// (declared, or chunked and growing past it) makes Kestrel throw while it is read: 413, from the one exception handler.
    /// </summary>
    internal static async Task<(T? Request, Dictionary<string, string[]>? Errors)> ReadAsync<T>(HttpRequest http, JsonSerializerOptions json, string what, CancellationToken cancellationToken)
        where T : class
    {
        if (!http.HasJsonContentType())
        {
            return (null, new() { ["body"] = ["The body must be JSON (Content-Type: application/json)."] });
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Body, json, cancellationToken) is { } request
                ? (request, null)
                : (null, new() { ["body"] = [$"The body must be {what} object."] });
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return (null, new() { [field] = ["The value could not be read as the field's type."] });
        }
    }
}

using System.Text.Json;
using Gateway.Edge;
using Gateway.Edge.Scoping;
using Gateway.Orders.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Gateway.Orders.Intake;

/// <summary><c>POST /v1/orders</c> (idempotent intake) and <c>GET /v1/orders/{orderId}</c>.</summary>
public static class OrderEndpoints
{
    /// <summary>Largest request body read: 500 lines fit in a fraction of it.</summary>
    const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/v1/orders").WithTags("Orders");
        orders.MapPost("/", PlaceOrder)
            .RequireAuthorization(Scopes.OrdersWrite)
            .Accepts<OrderRequest>("application/json")
            .WithSummary("Places an order; the Idempotency-Key header makes retries safe.");
        orders.MapGet("/{orderId}", GetOrder)
            .RequireAuthorization(Scopes.OrdersRead)
            .WithSummary("An order with its status history, ERP order number and shipments.");
        return app;
    }

    internal static string Location(string orderId) => "/v1/orders/" + Uri.EscapeDataString(orderId);

    static async Task<Results<Accepted<Order>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        HttpContext context, OrderIntake intake, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var headers = context.Request.Headers[IdempotencyKey.HeaderName];
        var key = headers.Count == 1 ? headers[0] : null;
        if ((headers.Count > 1 ? $"Send one {IdempotencyKey.HeaderName} header." : IdempotencyKey.Problem(key)) is { } keyProblem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = [keyProblem] });
        }

        var (request, bodyErrors) = await ReadAsync(context.Request, json.Value.SerializerOptions, cancellationToken);
        if (request is null)
        {
            return TypedResults.ValidationProblem(bodyErrors!);
        }

        var callerId = context.Features.Get<Caller>()?.Id ?? "anonymous";
        var outcome = await intake.PlaceAsync(callerId, key!, request, context.CallerActsFor, cancellationToken);
        return outcome.Result switch
        {
            IntakeResult.Accepted => TypedResults.Accepted(Location(outcome.Order!.OrderId), outcome.Order),
            IntakeResult.Invalid => TypedResults.ValidationProblem(outcome.Errors!),
            IntakeResult.CustomerNotFound => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Customer not found",
                detail: outcome.Errors!["customerId"][0],
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors }),
            IntakeResult.KeyReusedForAnotherOrder => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency key reused",
                detail: $"This {IdempotencyKey.HeaderName} was already used for a different order; use a new key for a new order.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = ["reused with a different body"] } }),
            _ => Busy(context),
        };
    }

    static async Task<Results<Ok<Order>, ProblemHttpResult>> GetOrder(string orderId, HttpContext context, IOrderStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(orderId, cancellationToken) is { } stored && context.CallerActsFor(stored.Order.CustomerId)
            ? TypedResults.Ok(stored.Order)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"Order '{orderId}' was not found.");

    static ProblemHttpResult Busy(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Order still being placed",
            detail: $"A request with this {IdempotencyKey.HeaderName} is still being handled; retry shortly with the same key.");
    }

    /// <summary>The body, or errors naming the field (JSON path) that could not be read.</summary>
    static async Task<(OrderRequest? Request, Dictionary<string, string[]>? Errors)> ReadAsync(HttpRequest http, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            return (null, new() { ["body"] = ["The body must be JSON (Content-Type: application/json)."] });
        }

        if (http.ContentLength > MaxBodyBytes)
        {
            return (null, new() { ["body"] = [$"The body is larger than {MaxBodyBytes} bytes."] });
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<OrderRequest>(http.Body, json, cancellationToken) is { } request
                ? (request, null)
                : (null, new() { ["body"] = ["The body must be an order object."] });
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return (null, new() { [field] = ["The value could not be read as the field's type."] });
        }
    }
}

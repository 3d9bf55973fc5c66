using System.ComponentModel.DataAnnotations;
using Gateway.CanonicalApi.Problems;
using Gateway.Core;
using Gateway.Edge;
using Gateway.Edge.Scoping;
using Gateway.Orders.Documents;
using Gateway.Orders.Intake;
using Gateway.Orders.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Gateway.Orders.Returns;

/// <summary><c>POST /v1/returns</c> (idempotent, like orders) and <c>GET /v1/returns/{returnId}</c>.</summary>
public static class ReturnEndpoints
{
    /// <param name="version">The version's group (<c>/v1</c>, and any later version that keeps the resource).</param>
    public static RouteGroupBuilder MapReturns(this RouteGroupBuilder version)
    {
        var returns = version.MapGroup("/returns").WithTags("Returns");
        returns.MapPost("/", RequestReturn)
            .RequireAuthorization(Scopes.OrdersWrite)
            .Accepts<ReturnRequestBody>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Requests a return authorisation for shipped lines of an order; the Idempotency-Key header makes retries safe.");
        returns.MapGet("/{returnId}", GetReturn)
            .RequireAuthorization(Scopes.OrdersRead)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A return: Requested, then Authorised or Rejected (with the reason), Received, Credited.");
        return version;
    }

    internal static string Location(string returnId) => "/v1/returns/" + Uri.EscapeDataString(returnId);

    static async Task<Results<Created<ReturnAuthorisation>, ValidationProblem, ProblemHttpResult>> RequestReturn(
        [FromHeader(Name = IdempotencyKey.HeaderName), MaxLength(IdempotencyKey.MaxLength)] string? idempotencyKey,
        HttpContext context,
        ReturnIntake intake,
        IOptions<HttpJsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (OrderEndpoints.KeyProblem(context, idempotencyKey) is { } keyProblem)
        {
            return CanonicalProblems.Invalid(new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = [keyProblem] });
        }

        var (body, bodyErrors) = await OrderEndpoints.ReadAsync<ReturnRequestBody>(context.Request, json.Value.SerializerOptions, "a return", cancellationToken);
        if (body is null)
        {
            return CanonicalProblems.Invalid(bodyErrors!);
        }

        var callerId = context.Features.Get<Caller>()?.Id ?? "anonymous";
        var outcome = await intake.RequestAsync(callerId, idempotencyKey!, body, context.CallerActsFor, cancellationToken);
        return outcome.Result switch
        {
            ReturnResult.Requested => TypedResults.Created(Location(outcome.Return!.ReturnId), outcome.Return),
            ReturnResult.Invalid => CanonicalProblems.Invalid(outcome.Errors!.ToDictionary()),
            ReturnResult.OrderNotFound => OrderProblems.NotFound("orderId", $"No order '{body.OrderId}'."),
            ReturnResult.KeyReused => OrderProblems.KeyReused("return"),
            _ => OrderProblems.InProgress(context, "Return"),
        };
    }

    static async Task<Results<Ok<ReturnAuthorisation>, ProblemHttpResult>> GetReturn(
        [MaxLength(IdempotencyKey.MaxLength)] string returnId, HttpContext context, OrderDocumentReads reads, CancellationToken cancellationToken) =>
        await reads.ReturnAsync(returnId, context.CallerActsFor, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : CanonicalProblems.NotFound("return", returnId);
}

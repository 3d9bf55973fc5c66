using Gateway.Caching;
using Gateway.Edge;
using Gateway.Edge.Scoping;
using Gateway.GraphQL.Endpoint;
using Gateway.Orders;
using Gateway.Orders.Intake;
using Gateway.Orders.Storage;
using GraphQL;

namespace Gateway.GraphQL.Schema;

/// <summary>
/// <c>order(id)</c> and <c>placeOrder</c>: the REST order service behind another door. Intake, its rules, its idempotency
/// keys (per caller, shared with <c>POST /v1/orders</c>) and customer scoping are <see cref="OrderIntake"/>'s; only the
/// outcome is translated into GraphQL errors.
/// </summary>
internal static class OrderResolvers
{
    internal const string Input = "input";
    internal const string KeyArgument = "idempotencyKey";

    public static async Task<object?> OrderAsync(IResolveFieldContext context)
    {
        var http = context.Request().Http;
        // Orders come from the order store, which no cache entry stands for: an answer with one is never kept.
        http.Features.Get<AnswerReads>()?.Untracked();
        var orderId = context.GetArgument<string>("id");
        var store = context.RequestServices!.GetRequiredService<IOrderStore>();

        // An order of a customer the caller does not act for is answered exactly like one that does not exist.
        return await store.GetAsync(orderId, context.CancellationToken) is { } stored && http.CallerActsFor(stored.Order.CustomerId)
            ? stored.Order
            : throw new GatewayError(GraphQLErrors.NotFound, $"Order '{orderId}' was not found.");
    }

    public static async Task<object?> PlaceOrderAsync(IResolveFieldContext context)
    {
        var http = context.Request().Http;
        var key = context.GetArgument<string>(KeyArgument);
        if (IdempotencyKey.Problem(key, $"The argument '{KeyArgument}'") is { } keyProblem)
        {
            throw GraphQLErrors.BadInputField(KeyArgument, KeyArgument, keyProblem);
        }

        var request = context.GetArgument<OrderRequest>(Input);
        var intake = context.RequestServices!.GetRequiredService<OrderIntake>();
        var callerId = http.Features.Get<Caller>()?.Id ?? "anonymous";
        var outcome = await intake.PlaceAsync(callerId, key, request, http.CallerActsFor, context.CancellationToken);
        return outcome.Result switch
        {
            IntakeResult.Accepted => outcome.Order,
            IntakeResult.Invalid => Refuse(context, outcome.Errors!),
            IntakeResult.CustomerNotFound => throw new GatewayError(
                GraphQLErrors.NotFound,
                $"Customer '{request.CustomerId}' was not found.",
                new Dictionary<string, object?> { ["argument"] = Input, ["field"] = "customerId" }),
            IntakeResult.KeyReusedForAnotherOrder => throw new GatewayError(
                GraphQLErrors.IdempotencyKeyReused,
                "This idempotency key was already used for a different order; use a new key for a new order.",
                new Dictionary<string, object?> { ["argument"] = KeyArgument }),
            _ => throw new GatewayError(
                GraphQLErrors.OrderInProgress,
                "An order with this idempotency key is still being placed; retry shortly with the same key.",
                new Dictionary<string, object?> { ["argument"] = KeyArgument, ["retryAfter"] = 1 }),
        };
    }

    /// <summary>One BAD_USER_INPUT error per field REST's validation names, each at this field's path; the field is null.</summary>
    internal static object? Refuse(IResolveFieldContext context, IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                var error = GraphQLErrors.BadInputField(Input, field, message);
                error.AddLocation(context.FieldAst, context.Document);
                error.Path = context.ResponsePath;
                context.Errors.Add(error);
            }
        }

        return null;
    }
}

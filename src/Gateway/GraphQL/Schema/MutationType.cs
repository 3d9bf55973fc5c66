using Gateway.Edge;
using Gateway.GraphQL.Guardrails;
using GraphQL.Types;

namespace Gateway.GraphQL.Schema;

/// <summary>Changes, accepted by POST only (a mutation sent by GET is refused before it runs: <see cref="QueriesOnly"/>).</summary>
internal sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";

        Field<OrderType>("placeOrder")
            .Description(
                "Places an order with the rules of POST /v1/orders; needs orders:write. `idempotencyKey` plays the Idempotency-Key header, "
                + "and is the same key: per caller, the same key and input answer the first order again, another input under it "
                + "IDEMPOTENCY_KEY_REUSED. A refused input is null with one BAD_USER_INPUT error per field (`extensions.field`); "
                + "a customer the caller does not act for, NOT_FOUND, as an unknown one.")
            .Argument<NonNullGraphType<PlaceOrderInputType>>("input")
            .Argument<NonNullGraphType<StringGraphType>>("idempotencyKey", "A unique value per order (a UUID), reused only to retry that order.")
            .RequireScope(Scopes.OrdersWrite)
            .ResolveAsync(OrderResolvers.PlaceOrderAsync);

        Field<ReturnType>("requestReturn")
            .Description(
                "Requests a return authorisation for shipped lines of an order with the rules of POST /v1/returns; needs orders:write. "
                + "`idempotencyKey` plays the Idempotency-Key header, and is the same key: per caller, the same key and input answer the "
                + "first return again, another input under it IDEMPOTENCY_KEY_REUSED. Lines not shipped, or more than was shipped, are null "
                + "with one BAD_USER_INPUT error per field (`extensions.field`); an order of a customer the caller does not act for, NOT_FOUND.")
            .Argument<NonNullGraphType<RequestReturnInputType>>("input")
            .Argument<NonNullGraphType<StringGraphType>>("idempotencyKey", "A unique value per return (a UUID), reused only to retry that return.")
            .RequireScope(Scopes.OrdersWrite)
            .ResolveAsync(DocumentResolvers.RequestReturnAsync);
    }
}

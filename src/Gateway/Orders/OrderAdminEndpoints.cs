using Gateway.CanonicalApi.Problems;
using Gateway.Edge;
using Gateway.Observability;
using Gateway.Orders.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Orders;

/// <summary><c>GET /admin/orders/{orderId}</c> (admin token or <c>admin</c> scope): any customer's order, with what only operators see.</summary>
public static class OrderAdminEndpoints
{
    public static IEndpointRouteBuilder MapOrderAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/admin/orders").WithTags("Orders (admin)").RequireAuthorization(Scopes.Admin)
            .MapGet("/{orderId}", Get)
            .WithSummary("An order with who placed it, the reference the ERP knows it by, and the trace of the request that accepted it.");
        return app;
    }

    static async Task<Results<Ok<OrderAdminView>, ProblemHttpResult>> Get(string orderId, IOrderStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(orderId, cancellationToken) is { } record
            ? TypedResults.Ok(OrderAdminView.From(record))
            : CanonicalProblems.NotFound("order", orderId);
}

/// <summary>
/// An order as operators see it. <paramref name="TraceId"/> is the trace of the <c>POST /v1/orders</c> that accepted it,
/// which its hand-off to the ERP continues (its later status checks link to it): null when that request carried no trace.
/// </summary>
public sealed record OrderAdminView(Order Order, string CallerId, string ErpReference, long Version, string? TraceId)
{
    internal static OrderAdminView From(OrderRecord record) =>
        new(record.Order, record.CallerId, record.ErpReference, record.Version, GatewayTracing.TraceIdOf(record.TraceParent));
}

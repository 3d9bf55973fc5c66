using Gateway.Caching;
using Gateway.Edge;
using Gateway.Edge.Scoping;
using Gateway.GraphQL.Endpoint;
using Gateway.GraphQL.Loading;
using Gateway.Orders.Documents;
using Gateway.Orders.Intake;
using Gateway.Orders.Returns;
using GraphQL;

namespace Gateway.GraphQL.Schema;

/// <summary>
/// <c>invoice(id)</c>, <c>invoices</c>, <c>return(id)</c>, <c>returns(ids)</c> and <c>requestReturn</c>: the REST reads
/// (<see cref="OrderDocumentReads"/>) and return intake (<see cref="ReturnIntake"/>) behind another door, with their
/// customer scoping; only outcomes are translated into GraphQL errors. None of these answers is kept: each rests on the
/// order store, which no cache entry stands for.
/// </summary>
internal static class DocumentResolvers
{
    /// <summary>At most this many ids per <c>returns</c>: each is an order read and an ERP call.</summary>
    public const int MaxReturnIds = 50;

    const int DefaultInvoicePage = 50;
    const int MaxInvoicePage = 100;

    public static async Task<object?> InvoiceAsync(IResolveFieldContext context)
    {
        var http = Untracked(context);
        var invoiceId = context.GetArgument<string>("id");
        return await Reads(context).InvoiceAsync(invoiceId, http.CallerActsFor, context.CancellationToken)
            ?? throw new GatewayError(GraphQLErrors.NotFound, $"Invoice '{invoiceId}' was not found.");
    }

    public static async Task<object?> InvoicesAsync(IResolveFieldContext context)
    {
        var http = Untracked(context);
        var customer = context.GetArgument<string?>("customerId") is { } named && !string.IsNullOrWhiteSpace(named) ? named.Trim() : http.ImpliedCustomer();
        if (customer is null)
        {
            throw GraphQLErrors.BadArgument("customerId", "is required: the caller acts for more than one customer.");
        }

        var first = context.GetArgument("first", DefaultInvoicePage);
        if (first is < 1 or > MaxInvoicePage)
        {
            throw GraphQLErrors.BadArgument("first", $"must be 1 to {MaxInvoicePage}.");
        }

        var since = context.GetArgument<DateOnly?>("since") ?? DateOnly.MinValue;
        var offset = 0;
        if (context.GetArgument<string?>("after") is { } after)
        {
            offset = OrderDocumentReads.Offset(after, customer, since, out var error) ?? throw GraphQLErrors.BadArgument("after", error ?? "is not a cursor this API gave out.");
        }

        return await Reads(context).InvoicesAsync(customer, since, offset, first, http.CallerActsFor, context.CancellationToken)
            ?? throw GraphQLErrors.CustomerNotFound(customer);
    }

    public static object? Return(IResolveFieldContext context)
    {
        Untracked(context);
        var returnId = context.GetArgument<string>("id");
        return new LoadedOrError<ReturnAuthorisation>(context.Request().Loaders.Returns.Load(returnId), () => ReturnNotFound(returnId));
    }

    /// <summary>Each id in the order asked; one unknown, or of a customer the caller does not act for, is null.</summary>
    public static async Task<object?> ReturnsAsync(IResolveFieldContext context)
    {
        Untracked(context);
        var ids = context.GetArgument<List<string>>("ids");
        if (ids.Count > MaxReturnIds)
        {
            throw GraphQLErrors.BadArgument("ids", $"must name at most {MaxReturnIds} returns.");
        }

        var loader = context.Request().Loaders.Returns;
        var pending = ids.Select(loader.Load).ToList();
        var found = new List<ReturnAuthorisation?>(pending.Count);
        foreach (var one in pending)
        {
            found.Add(await one.GetResultAsync(context.CancellationToken));
        }

        return found;
    }

    public static async Task<object?> RequestReturnAsync(IResolveFieldContext context)
    {
        var http = context.Request().Http;
        var key = context.GetArgument<string>(OrderResolvers.KeyArgument);
        if (IdempotencyKey.Problem(key, $"The argument '{OrderResolvers.KeyArgument}'") is { } keyProblem)
        {
            throw GraphQLErrors.BadInputField(OrderResolvers.KeyArgument, OrderResolvers.KeyArgument, keyProblem);
        }

        var body = context.GetArgument<ReturnRequestBody>(OrderResolvers.Input);
        var intake = context.RequestServices!.GetRequiredService<ReturnIntake>();
        var callerId = http.Features.Get<Caller>()?.Id ?? "anonymous";
        var outcome = await intake.RequestAsync(callerId, key, body, http.CallerActsFor, context.CancellationToken);
        return outcome.Result switch
        {
            ReturnResult.Requested => outcome.Return,
            ReturnResult.Invalid => OrderResolvers.Refuse(context, outcome.Errors!),
            ReturnResult.OrderNotFound => throw new GatewayError(
                GraphQLErrors.NotFound,
                $"Order '{body.OrderId}' was not found.",
                new Dictionary<string, object?> { ["argument"] = OrderResolvers.Input, ["field"] = "orderId" }),
            ReturnResult.KeyReused => throw new GatewayError(
                GraphQLErrors.IdempotencyKeyReused,
                "This idempotency key was already used for a different return; use a new key for a new return.",
                new Dictionary<string, object?> { ["argument"] = OrderResolvers.KeyArgument }),
            _ => throw new GatewayError(
                GraphQLErrors.OrderInProgress,
                "A return with this idempotency key is still being requested; retry shortly with the same key.",
                new Dictionary<string, object?> { ["argument"] = OrderResolvers.KeyArgument, ["retryAfter"] = 1 }),
        };
    }

    static GatewayError ReturnNotFound(string returnId) => new(GraphQLErrors.NotFound, $"Return '{returnId}' was not found.");

    static HttpContext Untracked(IResolveFieldContext context)
    {
        var http = context.Request().Http;
        http.Features.Get<AnswerReads>()?.Untracked();
        return http;
    }

    static OrderDocumentReads Reads(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<OrderDocumentReads>();
}

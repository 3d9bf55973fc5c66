using System.Diagnostics;
using Gateway.Core.Customers;
using Gateway.Observability;
using Gateway.Orders.Exceptions;
using Gateway.Orders.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Orders.Intake;

/// <summary>How a placement ended.</summary>
internal enum IntakeResult
{
    Accepted,
    Invalid,
    CustomerNotFound,
    KeyReusedForAnotherOrder,
    KeyBusy,
}

internal sealed record IntakeOutcome(IntakeResult Result, Order? Order = null, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>
/// Order intake: claim the idempotency key, validate, then write order, answer, exceptions and hand-off entry in one
/// step before answering 202. A refused request gives its key back, so the corrected request may reuse it; only an
/// accepted order binds a key (for <see cref="OrdersOptions.IdempotencyKeyLifetime"/>).
/// </summary>
internal sealed class OrderIntake(
    IOrderStore store,
    OrderValidation validation,
    TimeProvider time,
    IOptions<OrdersOptions> options,
    IEnumerable<IOrderObserver> observers,
    ILogger<OrderIntake> logger)
{
    static readonly TimeSpan RepeatPollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<IntakeOutcome> PlaceAsync(string callerId, string key, OrderRequest request, Func<string, bool> callerActsFor, CancellationToken cancellationToken)
    {
        var scopedKey = IdempotencyKey.Scoped(callerId, request.CustomerId, key);
        var hash = IdempotencyKey.Hash(request);
        var waitUntil = time.GetUtcNow() + options.Value.IdempotencyInFlightTimeout;
        while (true)
        {
            var claim = await store.ClaimKeyAsync(scopedKey, hash, cancellationToken);
            switch (claim.Outcome)
            {
                case KeyClaimOutcome.Replay:
                    // The caller's rights may have changed since it placed the order: a customer it no longer acts for
                    // is answered as on a first placement, 404, not with the order.
                    var replayed = OrderJson.Read<Order>(claim.Answer!.Body);
                    if (!callerActsFor(replayed.CustomerId))
                    {
                        return new IntakeOutcome(IntakeResult.CustomerNotFound);
                    }

                    Log.Replayed(logger, callerId);
                    return new IntakeOutcome(IntakeResult.Accepted, replayed);
                case KeyClaimOutcome.Conflict:
                    return new IntakeOutcome(IntakeResult.KeyReusedForAnotherOrder);
                case KeyClaimOutcome.InFlight when time.GetUtcNow() < waitUntil:
                    // The same request is being placed by a concurrent call: wait for its answer and replay it.
                    await Task.Delay(RepeatPollInterval, time, cancellationToken);
                    continue;
                case KeyClaimOutcome.InFlight:
                    return new IntakeOutcome(IntakeResult.KeyBusy);
            }

            if (await PlaceClaimedAsync(scopedKey, claim.Token!, hash, callerId, request, callerActsFor, cancellationToken) is { } outcome)
            {
                return outcome;
            }

            // Our claim lapsed while validating and another call took the key: ask again what it holds.
        }
    }

    async Task<IntakeOutcome?> PlaceClaimedAsync(
        string scopedKey, string token, string hash, string callerId, OrderRequest request, Func<string, bool> callerActsFor, CancellationToken cancellationToken)
    {
        var accepted = false;
        try
        {
            var checkedOrder = await validation.ValidateAsync(request, callerActsFor, cancellationToken);
            if (!checkedOrder.IsValid)
            {
                return new IntakeOutcome(checkedOrder.CustomerNotFound ? IntakeResult.CustomerNotFound : IntakeResult.Invalid, Errors: checkedOrder.Errors);
            }

            var acceptance = Accept(scopedKey, token, hash, callerId, request, checkedOrder.Customer!, checkedOrder.PriceDifferences);
            accepted = await store.AcceptAsync(acceptance, cancellationToken);
            if (!accepted)
            {
                return null;
            }

            GatewayTracing.Recorded(Activity.Current)?.SetTag(GatewayTracing.OrderIdTag, acceptance.Order.OrderId);
            Log.Accepted(logger, acceptance.Order.OrderId, acceptance.Order.Order.CustomerId, acceptance.Order.Order.Lines.Count, acceptance.Order.Status);
            OrdersTelemetry.Moved(null, acceptance.Order.Order);
            foreach (var observer in observers)
            {
                observer.OnSaved(null, acceptance.Order);
            }

            return new IntakeOutcome(IntakeResult.Accepted, acceptance.Order.Order);
        }
        finally
        {
            if (!accepted)
            {
                await store.ReleaseKeyAsync(scopedKey, token, CancellationToken.None);
            }
        }
    }

    Acceptance Accept(string scopedKey, string token, string hash, string callerId, OrderRequest request, Customer customer, IReadOnlyList<PriceDifference> differences)
    {
        var now = time.GetUtcNow();
        var orderId = "ord_" + Guid.CreateVersion7(now).ToString("N");
        var history = new List<StatusChange> { new(OrderStatus.Accepted, now, "Accepted by the gateway.") };
        var onHold = customer.CreditStatus == CreditStatus.Hold;
        var exceptions = new List<ExceptionEntry>();
        if (onHold)
        {
            var reason = $"Customer {customer.CustomerId} is on credit hold: the order waits until an operator releases (replays) or cancels it.";
            history.Add(new StatusChange(OrderStatus.OnHold, now, reason));
            exceptions.Add(ExceptionEntry.Raise(orderId, customer.CustomerId, ExceptionCategory.CreditHold, reason, now));
        }

        if (differences.Count > 0)
        {
            var reason = $"{differences.Count} line(s) carry a unit price that differs from the ERP's price for this customer and quantity.";
            exceptions.Add(ExceptionEntry.Raise(orderId, customer.CustomerId, ExceptionCategory.PriceMismatch, reason, now, differences));
        }

        var order = new Order(
            orderId,
            customer.CustomerId,
            request.ShipToId!,
            request.PoNumber,
            [.. request.Lines!.Select(l => new OrderLine(l!.Sku!, l.Quantity!.Value, l.UnitPrice))],
            onHold ? OrderStatus.OnHold : OrderStatus.Accepted,
            history,
            null,
            [],
            now);
        var answer = new StoredAnswer(hash, StatusCodes.Status202Accepted, OrderEndpoints.Location(orderId), OrderJson.Write(order));
        return new Acceptance(scopedKey, token, answer, new OrderRecord(order, 1, callerId, orderId, GatewayTracing.CurrentTraceParent()), exceptions, HandOff: !onHold);
    }
}

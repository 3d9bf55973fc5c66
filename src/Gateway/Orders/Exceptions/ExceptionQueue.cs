using Gateway.Orders.Status;
using Gateway.Orders.Storage;

namespace Gateway.Orders.Exceptions;

/// <summary>What an operator's action on an entry came to.</summary>
internal enum ExceptionActionResult
{
    Done,
    NotFound,
    NotOpen,
    NotApplicable,
}

/// <summary>An entry and its order after an operator's action.</summary>
public sealed record ExceptionAction(ExceptionEntry Exception, Order Order);

/// <summary>
/// The operator's side of the exception queue: list, replay (send the order to the ERP again once the cause is fixed),
/// cancel, and resolve. Replay and cancel act only on an order the ERP does not hold (Accepted, OnHold or Rejected); once
/// the ERP holds an order, cancelling it is the ERP's business. Resolve closes an entry that never held its order back
/// (a price mismatch reviewed) and leaves the order alone. Every action is counted by its result
/// (<see cref="OrdersTelemetry.Acted"/>).
/// </summary>
internal sealed class ExceptionQueue(IOrderStore store, IHandOffQueue handOff, OrderWriter writer, TimeProvider time)
{
    public async Task<IReadOnlyList<ExceptionEntry>> ListAsync(ExceptionCategory? category, ExceptionStatus? status, CancellationToken cancellationToken) =>
        [.. (await store.ListExceptionsAsync(cancellationToken))
            .Where(e => (category is null || e.Category == category) && (status is null || e.Status == status))
            .OrderBy(e => e.CreatedAt)
            .ThenBy(e => e.ExceptionId, StringComparer.Ordinal)];

    public Task<(ExceptionActionResult, ExceptionAction?)> ReplayAsync(string exceptionId, CancellationToken cancellationToken) =>
        ActAsync(exceptionId, ExceptionStatus.Replayed, Replay, cancellationToken);

    public Task<(ExceptionActionResult, ExceptionAction?)> CancelAsync(string exceptionId, CancellationToken cancellationToken) =>
        ActAsync(exceptionId, ExceptionStatus.Cancelled, Cancel, cancellationToken);

    public Task<(ExceptionActionResult, ExceptionAction?)> ResolveAsync(string exceptionId, CancellationToken cancellationToken) =>
        ActAsync(exceptionId, ExceptionStatus.Resolved, static (_, _, _) => null, cancellationToken);

    async Task<(ExceptionActionResult, ExceptionAction?)> ActAsync(
        string exceptionId, ExceptionStatus outcome, Func<OrderRecord, string, DateTimeOffset, OrderRecord?> act, CancellationToken cancellationToken)
    {
        var result = await TryActAsync(exceptionId, outcome, act, cancellationToken);
        OrdersTelemetry.Acted(outcome, result.Item1);
        return result;
    }

    async Task<(ExceptionActionResult, ExceptionAction?)> TryActAsync(
        string exceptionId, ExceptionStatus outcome, Func<OrderRecord, string, DateTimeOffset, OrderRecord?> act, CancellationToken cancellationToken)
    {
        if (await store.GetExceptionAsync(exceptionId, cancellationToken) is not { } entry)
        {
            return (ExceptionActionResult.NotFound, null);
        }

        if (entry.Status != ExceptionStatus.Open)
        {
            return (ExceptionActionResult.NotOpen, null);
        }

        // A price mismatch never held the order back: there is nothing to send again, only to cancel or resolve. Any other
        // entry holds its order back: closing it without a replay or a cancel would leave the order where it is for good.
        var applicable = outcome switch
        {
            ExceptionStatus.Replayed => entry.Category != ExceptionCategory.PriceMismatch,
            ExceptionStatus.Resolved => entry.Category == ExceptionCategory.PriceMismatch,
            _ => true,
        };
        if (!applicable)
        {
            return (ExceptionActionResult.NotApplicable, null);
        }

        var now = time.GetUtcNow();
        if (outcome == ExceptionStatus.Resolved)
        {
            var resolved = entry with { Status = outcome, UpdatedAt = now };
            return await store.TryReplaceExceptionAsync(entry, resolved, cancellationToken)
                && await store.GetAsync(entry.OrderId, cancellationToken) is { } order
                    ? (ExceptionActionResult.Done, new ExceptionAction(resolved, order.Order))
                    : (ExceptionActionResult.NotOpen, null);
        }

        OrderRecord? changed = null;
        var saved = await writer.UpdateRecordAsync(entry.OrderId, current => changed = act(current, exceptionId, now), cancellationToken);
        if (saved is null || changed is null)
        {
            return (ExceptionActionResult.NotApplicable, null);
        }

        var closed = entry with { Status = outcome, UpdatedAt = now };
        await store.TryReplaceExceptionAsync(entry, closed, cancellationToken);
        if (outcome == ExceptionStatus.Replayed)
        {
            await handOff.EnqueueAsync(entry.OrderId, cancellationToken);
        }

        return (ExceptionActionResult.Done, new ExceptionAction(closed, saved.Order));
    }

    static OrderRecord? Replay(OrderRecord order, string exceptionId, DateTimeOffset now) => order.Status switch
    {
        // The ERP keeps a rejected order under its reference and would answer the same again: a new reference books anew.
        OrderStatus.Rejected => order with
        {
            ErpReference = order.OrderId + "-" + (order.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Order = OrderProgress.Append(order.Order, OrderStatus.Accepted, now, $"Replayed by an operator ({exceptionId})."),
        },
        OrderStatus.Accepted or OrderStatus.OnHold => order with
        {
            Order = OrderProgress.Append(order.Order, OrderStatus.Accepted, now, $"Replayed by an operator ({exceptionId})."),
        },
        _ => null,
    };

    static OrderRecord? Cancel(OrderRecord order, string exceptionId, DateTimeOffset now) =>
        order.Status is OrderStatus.Accepted or OrderStatus.OnHold or OrderStatus.Rejected
            ? order with { Order = OrderProgress.Append(order.Order, OrderStatus.Cancelled, now, $"Cancelled by an operator ({exceptionId}).") }
            : null;
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Orders.Exceptions;
using Microsoft.Extensions.Options;

namespace Gateway.Orders.Storage;

/// <summary>
/// The embedded mode's store: one process, nothing survives a restart (the host warns loudly at start-up). The same
/// rules as Redis: atomic claims, versioned writes, acceptance all or nothing.
/// </summary>
internal sealed class MemoryOrderStore(IOptions<OrdersOptions> options, TimeProvider time) : IOrderStore, IHandOffQueue, IOpenOrders
{
    readonly Lock _lock = new();
    readonly Dictionary<string, (string Value, DateTimeOffset Expires)> _keys = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, OrderRecord> _orders = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string> _byErpNumber = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, ExceptionEntry> _exceptions = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, DateTimeOffset> _open = new(StringComparer.Ordinal);
    readonly Channel<HandOffEntry> _handOff = Channel.CreateUnbounded<HandOffEntry>();
    readonly ConcurrentDictionary<string, (HandOffEntry Entry, DateTimeOffset TakenAt)> _pending = new(StringComparer.Ordinal);
    long _entryIds;

    public Task<KeyClaim> ClaimKeyAsync(string key, string requestHash, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_keys.TryGetValue(key, out var held) && held.Expires > now)
            {
                return Task.FromResult(KeyMarker.Interpret(held.Value, requestHash));
            }

            var token = Guid.NewGuid().ToString("N");
            _keys[key] = (KeyMarker.Format(requestHash, token), now + options.Value.IdempotencyInFlightTimeout);
            return Task.FromResult(new KeyClaim(KeyClaimOutcome.Claimed, token));
        }
    }

    public Task ReleaseKeyAsync(string key, string claimToken, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_keys.TryGetValue(key, out var held) && KeyMarker.IsHeldBy(held.Value, claimToken))
            {
                _keys.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> AnswerKeyAsync(string key, string claimToken, StoredAnswer answer, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_keys.TryGetValue(key, out var held) || held.Value != KeyMarker.Format(answer.RequestHash, claimToken))
            {
                return Task.FromResult(false);
            }

            _keys[key] = (OrderJson.Write(answer), time.GetUtcNow() + options.Value.IdempotencyKeyLifetime);
            return Task.FromResult(true);
        }
    }

    public Task<bool> AcceptAsync(Acceptance acceptance, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var marker = KeyMarker.Format(acceptance.Answer.RequestHash, acceptance.ClaimToken);
            if (!_keys.TryGetValue(acceptance.IdempotencyKey, out var held) || held.Value != marker)
            {
                return Task.FromResult(false);
            }

            _keys[acceptance.IdempotencyKey] = (OrderJson.Write(acceptance.Answer), time.GetUtcNow() + options.Value.IdempotencyKeyLifetime);
            _orders[acceptance.Order.OrderId] = acceptance.Order;
            foreach (var entry in acceptance.Exceptions)
            {
                _exceptions[entry.ExceptionId] = entry;
            }

            if (acceptance.HandOff)
            {
                Enqueue(acceptance.Order.OrderId);
            }

            return Task.FromResult(true);
        }
    }

    public Task<OrderRecord?> GetAsync(string orderId, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.GetValueOrDefault(orderId));

    public Task<bool> TryReplaceAsync(OrderRecord current, OrderRecord next, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_orders.TryGetValue(current.OrderId, out var stored) || stored.Version != current.Version)
            {
                return Task.FromResult(false);
            }

            _orders[current.OrderId] = next;
            if (next.Order.ErpOrderNumber is { } number)
            {
                _byErpNumber[number] = next.OrderId;
            }

            return Task.FromResult(true);
        }
    }

    public Task<string?> FindByErpOrderNumberAsync(string erpOrderNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_byErpNumber.GetValueOrDefault(erpOrderNumber));

    public Task<IReadOnlyDictionary<OrderStatus, long>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        var counts = OrderStatusIndex.Tracked.ToDictionary(status => status, _ => 0L);
        foreach (var order in _orders.Values)
        {
            if (counts.TryGetValue(order.Status, out var count))
            {
                counts[order.Status] = count + 1;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<OrderStatus, long>>(counts);
    }

    public Task<StatusSlice> InStatusSinceAsync(OrderStatus status, DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var matching = _orders.Values
            .Where(o => o.Status == status && OrderStatusIndex.Since(o.Order) <= before)
            .Select(o => new OrderInStatus(o.OrderId, o.Order.CustomerId, status, OrderStatusIndex.Since(o.Order)))
            .OrderBy(o => o.Since)
            .ToList();
        return Task.FromResult(new StatusSlice(matching.Count, [.. matching.Take(max)]));
    }

    public Task AddExceptionAsync(ExceptionEntry entry, CancellationToken cancellationToken)
    {
        _exceptions[entry.ExceptionId] = entry;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ExceptionEntry>> ListExceptionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExceptionEntry>>([.. _exceptions.Values]);

    public Task<ExceptionEntry?> GetExceptionAsync(string exceptionId, CancellationToken cancellationToken) =>
        Task.FromResult(_exceptions.GetValueOrDefault(exceptionId));

    public Task<bool> TryReplaceExceptionAsync(ExceptionEntry current, ExceptionEntry next, CancellationToken cancellationToken) =>
        Task.FromResult(_exceptions.TryUpdate(current.ExceptionId, next, current));

    public Task EnqueueAsync(string orderId, CancellationToken cancellationToken)
    {
        Enqueue(orderId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<HandOffEntry>> TakeAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // As the Redis stream does: an entry a failed hand-off left unfinished comes back after HandOffClaimIdle.
        var taken = _pending.Values.Where(p => now - p.TakenAt >= options.Value.HandOffClaimIdle).Take(max).Select(p => p.Entry).ToList();
        while (taken.Count < max && _handOff.Reader.TryRead(out var entry))
        {
            taken.Add(entry);
        }

        foreach (var entry in taken)
        {
            _pending[entry.EntryId] = (entry, now);
        }

        return Task.FromResult<IReadOnlyList<HandOffEntry>>(taken);
    }

    public Task CompleteAsync(HandOffEntry entry, CancellationToken cancellationToken)
    {
        _pending.TryRemove(entry.EntryId, out _);
        return Task.CompletedTask;
    }

    public Task RenewAsync(IReadOnlyCollection<HandOffEntry> entries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var entry in entries)
        {
            _pending[entry.EntryId] = (entry, now);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(HandOffEntry entry, CancellationToken cancellationToken)
    {
        _pending[entry.EntryId] = (entry, DateTimeOffset.MinValue);
        return Task.CompletedTask;
    }

    public Task TrackAsync(string orderId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        _open[orderId] = due;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> TakeDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        var due = _open.Where(o => o.Value <= now).Take(max).Select(o => o.Key).ToList();
        foreach (var id in due)
        {
            _open[id] = leaseUntil;
        }

        return Task.FromResult<IReadOnlyList<string>>(due);
    }

    public Task GiveBackAsync(IReadOnlyCollection<string> orderIds, DateTimeOffset due, CancellationToken cancellationToken)
    {
        foreach (var id in orderIds)
        {
            if (_open.TryGetValue(id, out var leased))
            {
                _open.TryUpdate(id, due, leased);
            }
        }

        return Task.CompletedTask;
    }

    public Task ForgetAsync(string orderId, CancellationToken cancellationToken)
    {
        _open.TryRemove(orderId, out _);
        return Task.CompletedTask;
    }

    void Enqueue(string orderId) =>
        _handOff.Writer.TryWrite(new HandOffEntry(Interlocked.Increment(ref _entryIds).ToString(System.Globalization.CultureInfo.InvariantCulture), orderId));
}

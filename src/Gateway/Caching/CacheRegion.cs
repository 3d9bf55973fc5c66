using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Gateway.Core.Erp;

namespace Gateway.Caching;

/// <summary>
/// One kind of cached answer (products, stock, list prices...) over the shared <see cref="CacheStore"/>: batch lookups
/// that answer hits from L1, then L2, and ask the ERP once for all remaining misses; one ERP request per key however
/// many callers miss it at once (they join the flight in progress); stale-if-error within the policy's max staleness.
/// </summary>
/// <typeparam name="T">The canonical value; absence ("the ERP has none") is cached too.</typeparam>
internal sealed class CacheRegion<T>(string name, CachePolicy policy, CacheStore store, CacheOutcomes outcomes, TimeProvider time, ILogger logger)
    where T : class
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly ConcurrentDictionary<string, Task<Dictionary<string, Answer>>> _flights = new(StringComparer.Ordinal);

    public string Name => name;

    /// <summary>The key as L1, L2 and invalidation know it: <c>region:key</c>.</summary>
    public string FullKey(string key) => name + ":" + key;

    /// <summary>The values of the keys the ERP knows; unknown keys are absent.</summary>
    /// <param name="fetch">Asks the ERP for the given keys, in one call; keys absent from its answer are unknown.</param>
    public async Task<IReadOnlyDictionary<string, T>> GetManyAsync(
        IReadOnlyCollection<string> keys,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = new Dictionary<string, T>(keys.Count, StringComparer.Ordinal);
        List<string>? misses = null;
        var seen = new HashSet<string>(keys.Count, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!seen.Add(key))
            {
                continue;
            }

            if (store.Local(FullKey(key)) is { } entry && IsFresh(entry, now))
            {
                outcomes.Record(CacheResult.Hit, now - entry.StoredAt);
                Add(found, key, entry);
            }
            else
            {
                (misses ??= []).Add(key);
            }
        }

        if (misses is null)
        {
            return found;
        }

        foreach (var flight in JoinOrStart(misses, fetch))
        {
            var answers = await flight.WaitAsync(cancellationToken);
            foreach (var key in misses)
            {
                if (answers.TryGetValue(key, out var answer))
                {
                    outcomes.Record(answer.Result, answer.Age);
                    Add(found, key, answer.Entry);
                }
            }
        }

        return found;
    }

    /// <summary>One key; null when the ERP does not know it.</summary>
    public async Task<T?> GetAsync(string key, Func<CancellationToken, Task<T?>> fetch, CancellationToken cancellationToken)
    {
        var found = await GetManyAsync(
            [key],
            async (_, ct) => await fetch(ct) is { } value ? new Dictionary<string, T> { [key] = value } : new Dictionary<string, T>(),
            cancellationToken);
        return found.GetValueOrDefault(key);
    }

    HashSet<Task<Dictionary<string, Answer>>> JoinOrStart(List<string> misses, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch)
    {
        var mine = new TaskCompletionSource<Dictionary<string, Answer>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var owned = new List<string>();
        var flights = new HashSet<Task<Dictionary<string, Answer>>>();
        foreach (var key in misses)
        {
            var flight = _flights.GetOrAdd(key, mine.Task);
            if (flight == mine.Task)
            {
                owned.Add(key);
            }
            else
            {
                flights.Add(flight);
            }
        }

        if (owned.Count > 0)
        {
            flights.Add(mine.Task);
            _ = FlyAsync(owned, fetch, mine);
        }

        return flights;
    }

    /// <summary>Answers the owned keys from L1 (filled meanwhile?), L2, then one ERP call; never throws, completes <paramref name="flight"/>.</summary>
    async Task FlyAsync(List<string> keys, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch, TaskCompletionSource<Dictionary<string, Answer>> flight)
    {
        try
        {
            flight.SetResult(await AnswerAsync(keys, fetch));
        }
        catch (Exception exception)
        {
            flight.SetException(exception);
        }
        finally
        {
            foreach (var key in keys)
            {
                _flights.TryRemove(new KeyValuePair<string, Task<Dictionary<string, Answer>>>(key, flight.Task));
            }
        }
    }

    async Task<Dictionary<string, Answer>> AnswerAsync(List<string> keys, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch)
    {
        var now = time.GetUtcNow();
        var answers = new Dictionary<string, Answer>(keys.Count, StringComparer.Ordinal);
        // Generations first: whatever is read from here on may only be stored if nothing was invalidated meanwhile.
        var generations = keys.ToDictionary(k => k, k => store.Generation(FullKey(k)), StringComparer.Ordinal);
        var candidates = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        var rest = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            if (store.Local(FullKey(key)) is { } entry)
            {
                candidates[key] = entry;
                if (IsFresh(entry, now))
                {
                    answers[key] = new Answer(entry, CacheResult.Hit, now - entry.StoredAt);
                    continue;
                }
            }

            rest.Add(key);
        }

        var remote = rest.Count > 0 && store.Remote is { } l2 ? await l2.GetManyAsync([.. rest.Select(FullKey)]) : null;
        var toFetch = new List<string>(rest.Count);
        for (var i = 0; i < rest.Count; i++)
        {
            var key = rest[i];
            if (remote?[i].Payload is { } payload && Decode(payload) is { } shared && shared.StoredAt >= store.Floor)
            {
                if (!candidates.TryGetValue(key, out var local) || local.StoredAt < shared.StoredAt)
                {
                    candidates[key] = shared;
                }

                if (IsFresh(shared, now))
                {
                    store.TryStoreLocal(FullKey(key), shared, generations[key], policy.Retention);
                    answers[key] = new Answer(shared, CacheResult.Hit, now - shared.StoredAt);
                    continue;
                }
            }

            toFetch.Add(key);
        }

        if (toFetch.Count > 0)
        {
            await FetchAsync(toFetch, fetch, generations, remote is null ? null : rest.Select((k, i) => (k, remote[i].Generation)).ToDictionary(), candidates, answers);
        }

        return answers;
    }

    async Task FetchAsync(
        List<string> keys,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch,
        Dictionary<string, long> generations,
        Dictionary<string, string>? remoteGenerations,
        Dictionary<string, CacheEntry> candidates,
        Dictionary<string, Answer> answers)
    {
        IReadOnlyDictionary<string, T> fetched;
        try
        {
            // The flight outlives the caller that started it: other callers wait on it, so no caller's token cancels it.
            fetched = await fetch(keys, CancellationToken.None);
        }
        catch (Exception exception) when (exception is ErpUnavailableException or ErpTimeoutException)
        {
            ServeStale(keys, candidates, answers, exception);
            return;
        }

        var storedAt = time.GetUtcNow();
        var shared = new List<(string, byte[], string)>(keys.Count);
        foreach (var key in keys)
        {
            var entry = fetched.TryGetValue(key, out var value) ? new CacheEntry(value, true, storedAt) : new CacheEntry(null, false, storedAt);
            answers[key] = new Answer(entry, CacheResult.Miss, TimeSpan.Zero);
            store.TryStoreLocal(FullKey(key), entry, generations[key], policy.Retention);
            if (remoteGenerations?.GetValueOrDefault(key) is { } generation)
            {
                shared.Add((FullKey(key), Encode(entry), generation));
            }
        }

        if (store.Remote is { } l2)
        {
            await l2.SetManyAsync(shared, policy.Retention);
        }
    }

    void ServeStale(List<string> keys, Dictionary<string, CacheEntry> candidates, Dictionary<string, Answer> answers, Exception failure)
    {
        var now = time.GetUtcNow();
        foreach (var key in keys)
        {
            if (!candidates.TryGetValue(key, out var entry) || now - entry.StoredAt > policy.MaxStaleness)
            {
                // One key the gateway cannot answer fails the lookup: a partial answer would look complete.
                ExceptionDispatchInfo.Throw(failure);
            }

            Log.ServedStale(logger, name, key, now - entry.StoredAt);
            answers[key] = new Answer(entry, CacheResult.Stale, now - entry.StoredAt);
        }
    }

    bool IsFresh(CacheEntry entry, DateTimeOffset now) => now - entry.StoredAt < policy.Ttl;

    static void Add(Dictionary<string, T> found, string key, CacheEntry entry)
    {
        if (entry.Found)
        {
            found[key] = (T)entry.Value!;
        }
    }

    static byte[] Encode(CacheEntry entry) =>
        JsonSerializer.SerializeToUtf8Bytes(new SharedEntry(entry.Found ? (T?)entry.Value : null, entry.StoredAt.ToUnixTimeMilliseconds()), Json);

    static CacheEntry? Decode(byte[] payload)
    {
        try
        {
            var shared = JsonSerializer.Deserialize<SharedEntry>(payload, Json);
            return shared is null ? null : new CacheEntry(shared.Value, shared.Value is not null, DateTimeOffset.FromUnixTimeMilliseconds(shared.At));
        }
        catch (JsonException)
        {
            // Written by another version of the gateway: a miss, not an error.
            return null;
        }
    }

    /// <summary>The L2 form: the value (null when the ERP has none) and when it was read from the ERP (Unix ms).</summary>
    sealed record SharedEntry(T? Value, long At);

    readonly record struct Answer(CacheEntry Entry, CacheResult Result, TimeSpan Age);
}

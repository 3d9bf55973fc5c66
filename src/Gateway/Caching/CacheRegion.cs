using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Gateway.Core.Concurrency;
using Gateway.Core.Erp;
using Gateway.Observability;

namespace Gateway.Caching;

/// <summary>
/// One kind of cached answer (products, stock, list prices...) over the shared <see cref="CacheStore"/>: batch lookups
/// that answer hits from L1, then L2, and ask the ERP once for all remaining misses; one ERP request per key however
/// many callers miss it at once (they join the flight in progress, unless it began before the key's last invalidation),
/// and across instances (the first to claim a key in L2 asks the ERP, the others wait for its answer there);
/// stale-if-error within the policy's max staleness.
/// </summary>
/// <typeparam name="T">The canonical value; absence ("the ERP has none") is cached too.</typeparam>
internal sealed partial class CacheRegion<T>(string name, CachePolicy policy, CacheStore store, CacheOutcomes outcomes, TimeProvider time, ILogger logger)
    where T : class
{
    readonly SingleFlight<string, Dictionary<string, Answer>> _flights = new();

    /// <summary>Made once: a name built per lookup would allocate on the cached read even with tracing off.</summary>
    readonly string _spanName = "cache " + name;

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
        // Null unless a trace records this request: the counts below are then all it costs.
        using var span = GatewayTracing.Source.StartActivity(_spanName);
        var (hits, missed, stale) = (0, 0, 0);
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

            var fullKey = FullKey(key);
            if (store.Local(fullKey) is { } entry && IsFresh(entry, now))
            {
                outcomes.Record(CacheResult.Hit, now - entry.StoredAt, Read(fullKey, entry));
                CacheTelemetry.Lookup(name, CacheResult.Hit);
                Add(found, key, entry);
                hits++;
            }
            else
            {
                (misses ??= []).Add(key);
            }
        }

        if (misses is null)
        {
            Describe(span, hits, missed, stale);
            return found;
        }

        foreach (var flight in JoinOrStart(misses, fetch))
        {
            var answers = await flight.WaitAsync(cancellationToken);
            foreach (var key in misses)
            {
                if (answers.TryGetValue(key, out var answer))
                {
                    outcomes.Record(answer.Result, answer.Age, Read(FullKey(key), answer.Entry));
                    CacheTelemetry.Lookup(name, answer.Result);
                    Add(found, key, answer.Entry);
                    if (answer.Result == CacheResult.Hit)
                    {
                        hits++;
                    }
                    else if (answer.Result == CacheResult.Stale)
                    {
                        stale++;
                    }
                    else
                    {
                        missed++;
                    }
                }
            }
        }

        Describe(span, hits, missed, stale);
        return found;
    }

    /// <summary>The lookup's span: its region, how many keys were answered each way, and the result a caller would see (RFC 9211's order).</summary>
    void Describe(Activity? span, int hits, int missed, int stale)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(GatewayTracing.CacheRegionTag, name);
        span.SetTag(GatewayTracing.CacheResultTag, missed > 0 ? "miss" : stale > 0 ? "stale" : "hit");
        span.SetTag(GatewayTracing.CacheHitsTag, hits);
        span.SetTag(GatewayTracing.CacheMissesTag, missed);
        span.SetTag(GatewayTracing.CacheStaleTag, stale);
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

    IReadOnlyCollection<Task<Dictionary<string, Answer>>> JoinOrStart(List<string> misses, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch)
    {
        // A flight that started before the key's last invalidation may bring back what the change replaced: a caller,
        // who may have seen the change already, does not join it but starts a new one (later callers join that).
        var generations = misses.ToDictionary(key => key, key => store.Generation(FullKey(key)), StringComparer.Ordinal);
        return _flights.JoinOrStart(
            misses.Select(key => (key, generations[key])),
            owned => AnswerAsync(owned.ToDictionary(key => key, key => generations[key], StringComparer.Ordinal), fetch));
    }

    /// <summary>Answers the owned keys from L1 (filled meanwhile?), L2, then one ERP call.</summary>
    /// <param name="generations">Each key's generation when the flight began: whatever is read from then on may only be stored if it is unchanged.</param>
    async Task<Dictionary<string, Answer>> AnswerAsync(Dictionary<string, long> generations, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch)
    {
        var now = time.GetUtcNow();
        var answers = new Dictionary<string, Answer>(generations.Count, StringComparer.Ordinal);
        var candidates = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        var rest = new List<string>(generations.Count);
        foreach (var key in generations.Keys)
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

        if (rest.Count == 0)
        {
            return answers;
        }

        if (store.Remote is not { } l2 || await l2.GetManyAsync([.. rest.Select(FullKey)]) is not { } remote)
        {
            // No L2 now: straight to the ERP, nothing shared is written.
            await FetchAsync(rest, fetch, generations, null, candidates, answers);
            return answers;
        }

        var remoteGenerations = new Dictionary<string, string>(rest.Count, StringComparer.Ordinal);
        var toFetch = rest.Where((key, i) => !AnsweredShared(key, remote[i], generations, remoteGenerations, candidates, answers, now)).ToList();
        if (toFetch.Count > 0)
        {
            // Instances missing the same key at once ask the ERP once between them: the others wait for its answer in L2.
            var fill = new SharedFill(l2, Guid.NewGuid().ToString("N"));
            var landed = await l2.ClaimOrAwaitAsync([.. toFetch.Select(FullKey)], fill.Token);
            toFetch = [.. toFetch.Where((key, i) => landed[i] is not { } entry || !AnsweredShared(key, entry, generations, remoteGenerations, candidates, answers, now))];
            await FetchAsync(toFetch, fetch, generations, fill, candidates, answers, remoteGenerations);
        }

        return answers;
    }

    async Task FetchAsync(
        List<string> keys,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch,
        Dictionary<string, long> generations,
        SharedFill? fill,
        Dictionary<string, CacheEntry> candidates,
        Dictionary<string, Answer> answers,
        Dictionary<string, string>? remoteGenerations = null)
    {
        if (keys.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, T> fetched;
        try
        {
            // The flight outlives the caller that started it: other callers wait on it, so no caller's token cancels it.
            fetched = await fetch(keys, CancellationToken.None);
        }
        catch (Exception exception) when (exception is ErpUnavailableException or ErpTimeoutException)
        {
            await EndFillAsync(fill, keys);
            ServeStale(keys, candidates, answers, exception);
            return;
        }
        catch when (fill is not null)
        {
            // Any other failure ends the claims too, or the waiting instances would wait out the claim for nothing.
            await EndFillAsync(fill, keys);
            throw;
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

        if (fill is not null)
        {
            await fill.Level.SetManyAsync(shared, policy.Retention, fill.Token);
        }
    }

    /// <summary>Ends a fill without an answer: instances waiting for it stop waiting (and try the ERP themselves).</summary>
    Task EndFillAsync(SharedFill? fill, List<string> keys) =>
        fill is null ? Task.CompletedTask : fill.Level.SetManyAsync([.. keys.Select(k => (FullKey(k), Array.Empty<byte>(), ""))], policy.Retention, fill.Token);

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

    EntryRead Read(string fullKey, CacheEntry entry) => new(store, fullKey, entry, entry.StoredAt + policy.Ttl);

    static void Add(Dictionary<string, T> found, string key, CacheEntry entry)
    {
        if (entry.Found)
        {
            found[key] = (T)entry.Value!;
        }
    }

    readonly record struct Answer(CacheEntry Entry, CacheResult Result, TimeSpan Age);
}

using System.Text.Json;

namespace Gateway.Caching;

// The shared level (L2) as a region sees it: answering from what another instance stored, and the stored form.
internal sealed partial class CacheRegion<T>
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Answers <paramref name="key"/> from what L2 holds if that is fresh (and keeps it in L1); notes its generation and candidacy for stale-if-error either way.</summary>
    bool AnsweredShared(
        string key,
        RemoteEntry remote,
        Dictionary<string, long> generations,
        Dictionary<string, string> remoteGenerations,
        Dictionary<string, CacheEntry> candidates,
        Dictionary<string, Answer> answers,
        DateTimeOffset now)
    {
        remoteGenerations[key] = remote.Generation;
        if (remote.Payload is not { } payload || Decode(payload) is not { } shared || shared.StoredAt < store.Floor)
        {
            return false;
        }

        if (!candidates.TryGetValue(key, out var local) || local.StoredAt < shared.StoredAt)
        {
            candidates[key] = shared;
        }

        if (!IsFresh(shared, now))
        {
            return false;
        }

        store.TryStoreLocal(FullKey(key), shared, generations[key], policy.Retention);
        answers[key] = new Answer(shared, CacheResult.Hit, now - shared.StoredAt);
        return true;
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

    /// <summary>An ERP fetch whose keys are claimed in L2 under <paramref name="Token"/>.</summary>
    sealed record SharedFill(RedisLevel Level, string Token);
}

using System.Globalization;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Admin.Audit;

/// <summary>
/// The Redis stream <see cref="StreamName"/>, shared by every instance, capped near <see cref="MaxLength"/> entries.
/// Each field is a plain stream field, so operators can read it with <c>XRANGE gateway:audit - +</c>.
/// </summary>
internal sealed class RedisAuditTrail(RedisConnection redis) : IAuditTrail
{
    public static readonly RedisKey StreamName = RedisKeys.Audit;
    const int MaxLength = 1_000_000;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync();
        NameValueEntry[] fields =
        [
            new("at", entry.At.ToString("O", CultureInfo.InvariantCulture)),
            new("actor", entry.Actor),
            new("action", entry.Action),
            new("status", entry.Status),
            new("partnerId", entry.PartnerId ?? string.Empty),
            new("keyId", entry.KeyId ?? string.Empty),
            new("correlationId", entry.CorrelationId ?? string.Empty),
        ];
        await db.StreamAddAsync(StreamName, fields, maxLength: MaxLength, useApproximateMaxLength: true);
    }

    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync();
        var entries = await db.StreamRangeAsync(StreamName, count: count, messageOrder: Order.Descending);
        return [.. entries.Reverse().Select(Read)];
    }

    static AuditEntry Read(StreamEntry entry)
    {
        string? Field(string name) => entry[name] is { IsNullOrEmpty: false } value ? value.ToString() : null;
        return new AuditEntry(
            DateTimeOffset.Parse(Field("at")!, CultureInfo.InvariantCulture),
            Field("actor") ?? "unknown",
            Field("action") ?? "unknown",
            int.Parse(Field("status") ?? "0", CultureInfo.InvariantCulture),
            Field("partnerId"),
            Field("keyId"),
            Field("correlationId"));
    }
}

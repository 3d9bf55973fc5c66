using System.Globalization;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Edge.RateLimiting;

/// <summary>
/// The one token bucket and day count per caller that all instances share, changed only by an atomic Lua script.
/// The script reads Redis's own clock (TIME), so instances with skewed clocks still refill one bucket at one rate.
/// </summary>
internal sealed class RedisTokenBank(RedisConnection connection, EdgeLimitsOptions options)
{
    // KEYS[1] the bucket (hash: tokens, at), KEYS[2] today's count, KEYS[3] the count the returned tokens came from.
    // ARGV: rate/s, burst, daily quota, wanted, returned. Returns { granted, bucket left, day left, ms to next token }.
    const string Script = """
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local quota = tonumber(ARGV[3])
        local want = tonumber(ARGV[4])
        local returned = tonumber(ARGV[5])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1])
        local at = tonumber(state[2])
        if tokens == nil or at == nil then
          tokens = burst
          at = now
        end
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000 + returned)
        if returned > 0 then
          local left = redis.call('DECRBY', KEYS[3], returned)
          if left < 0 then redis.call('SET', KEYS[3], 0, 'KEEPTTL') end
        end
        local used = tonumber(redis.call('GET', KEYS[2]) or '0')
        local dayLeft = math.max(0, quota - used)
        local granted = math.max(0, math.min(want, math.floor(tokens), dayLeft))
        tokens = tokens - granted
        if granted > 0 then
          redis.call('INCRBY', KEYS[2], granted)
          redis.call('EXPIRE', KEYS[2], 172800)
        end
        redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%d', now))
        local idle = 60000
        if rate > 0 then idle = idle + math.ceil(burst * 1000 / rate) end
        redis.call('PEXPIRE', KEYS[1], idle)
        local waitMs = 0
        if tokens < 1 then
          if rate > 0 then waitMs = math.ceil((1 - tokens) * 1000 / rate) else waitMs = 1000 end
        end
        return { granted, math.floor(tokens), dayLeft - granted, waitMs }
        """;

    /// <exception cref="RedisException">Redis is unreachable or too slow; the caller falls back to its local share.</exception>
    public async ValueTask<TokenGrant> LeaseAsync(TokenRequest request)
    {
        var database = connection.Database ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Not connected yet.");
        var prefix = RedisKeys.Caller(options.KeyPrefix, request.CallerId);
        RedisKey[] keys =
        [
            prefix + ":bucket",
            prefix + ":day:" + DayStamp(request.Day),
            prefix + ":day:" + DayStamp(request.Returned > 0 ? request.ReturnedDay : request.Day),
        ];
        RedisValue[] values =
        [
            Math.Max(0, request.Plan.RequestsPerSecond),
            LeaseSizing.Burst(request.Plan),
            Math.Max(0, request.Plan.DailyQuota),
            Math.Max(1, request.Want),
            Math.Max(0, request.Returned),
        ];

        var result = (RedisResult[])(await database.ScriptEvaluateAsync(Script, keys, values).WaitAsync(options.RedisTimeout))!;
        return new TokenGrant(
            Granted: (int)result[0],
            BucketRemaining: (int)result[1],
            DayRemaining: (long)result[2],
            RetryAfter: TimeSpan.FromMilliseconds((long)result[3]));
    }

    static string DayStamp(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

namespace Gateway.Erp.Outbound.Budget.Cluster;

/// <summary>
/// The atomic Lua scripts of the shared budgets. Each reads Redis's own clock (TIME), so instances with skewed clocks
/// still refill one bucket at one rate and expire sessions at one time. The heartbeat that counts the instances is
/// <see cref="Gateway.Core.Redis.ClusterMembership"/>'s.
/// </summary>
internal static class ClusterScripts
{
    /// <summary>
    /// KEYS[1] bucket (hash: tokens, at, factor), KEYS[2] paused-until (ms). ARGV: rate/s, burst, want, reserve (tokens a
    /// background lease must leave). The rate is multiplied by factor, halved by each pause and regaining 0.1 a second.
    /// Returns { granted, ms until worth asking again, 1 when paused }.
    /// </summary>
    public const string LeaseTokens = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local want = tonumber(ARGV[3])
        local reserve = tonumber(ARGV[4])
        local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
        if paused > now then return { 0, paused - now, 1 } end
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'factor')
        local tokens = tonumber(state[1]) or burst
        local at = tonumber(state[2]) or now
        local factor = tonumber(state[3]) or 1
        if now > at then
          local elapsed = (now - at) / 1000
          tokens = math.min(burst, tokens + elapsed * rate * factor)
          factor = math.min(1, factor + 0.1 * elapsed)
          at = now
        end
        local granted = math.max(0, math.min(want, math.floor(tokens - reserve)))
        tokens = tokens - granted
        redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%d', at), 'factor', string.format('%.6f', factor))
        redis.call('PEXPIRE', KEYS[1], 60000 + math.ceil(burst * 1000 / rate))
        local waitMs = 0
        if granted == 0 then waitMs = math.max(1, math.ceil((reserve + 1 - tokens) * 1000 / (rate * factor))) end
        if at > now then waitMs = waitMs + at - now end
        return { granted, waitMs, 0 }
        """;

    /// <summary>
    /// KEYS[1] bucket, KEYS[2] paused-until. ARGV: pause ms, floor factor. Pauses every instance; the first pause of a burst
    /// of refusals also empties the bucket until then and halves the rate. Returns the pause's end (ms, Redis clock).
    /// </summary>
    public const string PauseTokens = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local untilMs = now + tonumber(ARGV[1])
        local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
        if paused <= now then
          local factor = tonumber(redis.call('HGET', KEYS[1], 'factor') or '1')
          factor = math.max(tonumber(ARGV[2]), factor / 2)
          redis.call('HSET', KEYS[1], 'tokens', '0', 'at', string.format('%d', untilMs), 'factor', string.format('%.6f', factor))
        end
        if untilMs > paused then
          redis.call('SET', KEYS[2], string.format('%d', untilMs), 'PX', tonumber(ARGV[1]) + 60000)
          return untilMs
        end
        return paused
        """;

    /// <summary>
    /// KEYS[1] sessions (sorted set: holder → expiry ms), KEYS[2] paused-until. ARGV: max sessions, holder, ttl ms,
    /// sessions a background call must leave free. Returns { 1 taken | 0 not, ms of pause left }.
    /// </summary>
    public const string TakeSession = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
        if paused > now then return { 0, paused - now } end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        if redis.call('ZCARD', KEYS[1]) + 1 + tonumber(ARGV[4]) > tonumber(ARGV[1]) then return { 0, 0 } end
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 2)
        return { 1, 0 }
        """;

    /// <summary>KEYS[1] sessions; ARGV: ttl ms, holders... Pushes the expiry of sessions still held (ZADD XX: never revives one).</summary>
    public const string RenewSessions = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local expiry = now + tonumber(ARGV[1])
        for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', expiry, ARGV[i]) end
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) * 2)
        return #ARGV - 1
        """;

    /// <summary>KEYS[1] paused-until; ARGV: pause ms. Returns the pause's end (ms, Redis clock).</summary>
    public const string Pause = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local untilMs = now + tonumber(ARGV[1])
        local paused = tonumber(redis.call('GET', KEYS[1]) or '0')
        if untilMs > paused then
          redis.call('SET', KEYS[1], string.format('%d', untilMs), 'PX', tonumber(ARGV[1]) + 60000)
          return untilMs
        end
        return paused
        """;
}

using System.Collections.Concurrent;

namespace Gateway.Edge.RateLimiting;

/// <summary>
/// The plans enforced in this process alone: the embedded single node, and every instance's fallback while Redis
/// is unreachable, when each instance takes 1/<c>share</c> of every plan. The same token bucket and day count as
/// the Redis script, so a partner sees the same behaviour either way.
/// </summary>
internal sealed class LocalTokenBank(TimeProvider time) : ITokenBank
{
    readonly ConcurrentDictionary<string, LocalBucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>The whole plan for this instance (the embedded single node).</summary>
    public ValueTask<TokenGrant> LeaseAsync(TokenRequest request) => ValueTask.FromResult(Lease(request, share: 1));

    /// <summary>Leases from this instance's 1/<paramref name="share"/> of the plan.</summary>
    public TokenGrant Lease(TokenRequest request, int share) =>
        _buckets.GetOrAdd(request.CallerId, static _ => new LocalBucket())
            .Take(request, Math.Max(1, share), time.GetUtcNow());

    /// <summary>Forgets callers idle since <paramref name="before"/>; their buckets would be full again anyway.</summary>
    public void Forget(DateTimeOffset before)
    {
        foreach (var (id, bucket) in _buckets)
        {
            if (bucket.LastTouched < before)
            {
                _buckets.TryRemove(id, out _);
            }
        }
    }

    sealed class LocalBucket
    {
        readonly Lock _gate = new();
        double _tokens = double.NaN;
        DateTimeOffset _at;
        DateOnly _day;
        long _usedToday;

        public DateTimeOffset LastTouched { get; private set; }

        public TokenGrant Take(TokenRequest request, int share, DateTimeOffset now)
        {
            var rate = Math.Max(0, request.Plan.RequestsPerSecond) / (double)share;
            var burst = Math.Ceiling(LeaseSizing.Burst(request.Plan) / (double)share);
            var quota = (long)Math.Ceiling(Math.Max(0, request.Plan.DailyQuota) / (double)share);

            lock (_gate)
            {
                LastTouched = now;
                var elapsed = double.IsNaN(_tokens) ? 0 : Math.Max(0, (now - _at).TotalSeconds);
                var start = double.IsNaN(_tokens) ? burst : _tokens;
                _tokens = Math.Min(burst, start + (elapsed * rate) + Math.Max(0, request.Returned));
                _at = now;

                if (request.Returned > 0 && request.ReturnedDay == _day)
                {
                    _usedToday = Math.Max(0, _usedToday - request.Returned);
                }

                if (request.Day != _day)
                {
                    _day = request.Day;
                    _usedToday = 0;
                }

                var dayLeft = Math.Max(0, quota - _usedToday);
                var granted = (int)Math.Min(Math.Min(request.Want, Math.Floor(_tokens)), dayLeft);
                granted = Math.Max(0, granted);
                _tokens -= granted;
                _usedToday += granted;

                var retryAfter = _tokens >= 1 ? TimeSpan.Zero
                    : rate > 0 ? TimeSpan.FromSeconds((1 - _tokens) / rate)
                    : TimeSpan.FromSeconds(1);
                return new TokenGrant(granted, (int)Math.Floor(_tokens), dayLeft - granted, retryAfter);
            }
        }
    }
}

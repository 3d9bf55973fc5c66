using Microsoft.Extensions.Options;

namespace ErpSimulator.Cloud;

/// <summary>
/// The cloud ERP's token bucket over every <c>/cloud/api</c> call: <c>RequestsPerSecond</c> tokens a second up to
/// <c>Burst</c>. Tokens are refilled lazily from the clock on each call, so the bucket costs nothing when idle.
/// </summary>
public sealed class CloudQuota(IOptions<SimulatorOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly double _rate = options.Value.Cloud.RequestsPerSecond;
    private readonly double _burst = options.Value.Cloud.Burst;
    private double _tokens = options.Value.Cloud.Burst;
    private long _refilledAt = time.GetTimestamp();

    /// <summary>Takes one token; when the bucket is empty, says how long until the next token (nobody else taking it).</summary>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * _rate));
            _refilledAt = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / _rate);
            return false;
        }
    }

    /// <summary>The <c>Retry-After</c> value: whole seconds rounded up, at least 1, so waiting that long is enough.</summary>
    public static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
}

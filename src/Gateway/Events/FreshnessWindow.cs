using Gateway.Core.Events;

namespace Gateway.Events;

/// <summary>
/// The delays from ERP change to applied that this instance saw lately, per change type, for the operations console
/// (Prometheus has every one in <c>gateway_events_delay_seconds</c>). Bounded: the last <see cref="Kept"/> per type.
/// </summary>
internal sealed class FreshnessWindow(TimeProvider time)
{
    public const int Kept = 256;

    /// <summary>How far back the console's percentile looks.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    static readonly string[] Types =
    [
        ErpChangeTypes.ItemChanged, ErpChangeTypes.PriceChanged, ErpChangeTypes.InventoryChanged,
        ErpChangeTypes.CustomerChanged, ErpChangeTypes.OrderChanged,
    ];

    readonly Dictionary<string, Ring> _rings = Types.ToDictionary(t => t, _ => new Ring(), StringComparer.Ordinal);

    public void Record(string type, TimeSpan delay)
    {
        if (_rings.TryGetValue(type, out var ring))
        {
            ring.Add(time.GetUtcNow(), Math.Max(0, delay.TotalSeconds));
        }
    }

    /// <summary>Per known type: changes applied within <see cref="Window"/>, their 95th percentile and the latest delay.</summary>
    public IReadOnlyList<FreshnessFigure> Current()
    {
        var since = time.GetUtcNow() - Window;
        return [.. Types.Select(type => _rings[type].Figure(type, since))];
    }

    sealed class Ring
    {
        readonly Lock _gate = new();
        readonly (DateTimeOffset At, double Seconds)[] _items = new (DateTimeOffset, double)[Kept];
        int _next;
        int _count;

        public void Add(DateTimeOffset at, double seconds)
        {
            lock (_gate)
            {
                _items[_next] = (at, seconds);
                _next = (_next + 1) % Kept;
                _count = Math.Min(_count + 1, Kept);
            }
        }

        public FreshnessFigure Figure(string type, DateTimeOffset since)
        {
            double[] recent;
            double? latest;
            lock (_gate)
            {
                recent = [.. _items.Take(_count).Where(i => i.At >= since).Select(i => i.Seconds)];
                latest = _count == 0 ? null : _items[(_next - 1 + Kept) % Kept].Seconds;
            }

            Array.Sort(recent);
            double? p95 = recent.Length == 0 ? null : recent[Math.Min(recent.Length - 1, (int)Math.Ceiling(recent.Length * 0.95) - 1)];
            return new FreshnessFigure(type, recent.Length, p95, latest);
        }
    }
}

/// <summary>One change type's recent freshness: how many applied lately, their 95th percentile and the latest delay, in seconds.</summary>
internal sealed record FreshnessFigure(string Type, int Applied, double? P95Seconds, double? LatestSeconds);

using System.Globalization;
using Gateway.Core.Redis;
using Gateway.Edge.RateLimiting;
using Gateway.Erp.Outbound;
using Gateway.Events;
using Gateway.Orders;
using Gateway.Orders.Exceptions;
using Gateway.Orders.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Operations;

/// <summary>
/// Takes the operations figures every <see cref="OperationsOptions.SampleInterval"/>: the stores' (orders by status,
/// stuck orders, the open exception queue: cluster-wide, the same on every instance) and this instance's (freshness,
/// the ERPs, partners' quota use). Gauges and the console read <see cref="Latest"/>, so a scrape or a page never
/// reaches a store; the chart keeps the last hour of samples (<see cref="History"/>, bounded).
/// </summary>
internal sealed class OperationsSampler(
    IOrderStore orders,
    IOptionsMonitor<OrdersOptions> ordersOptions,
    IOptions<EventsOptions> eventsOptions,
    FreshnessWindow freshness,
    ErpStatus erps,
    CallerRateLimiter limiter,
    RedisConnection redis,
    IServiceProvider services,
    IOptions<OperationsOptions> options,
    TimeProvider time,
    ILogger<OperationsSampler> logger) : BackgroundService
{
    /// <summary>Open entries the console lists, oldest first (the depth gauges count them all).</summary>
    public const int ListedExceptions = 200;

    /// <summary>Stuck orders the console lists per status.</summary>
    public const int ListedStuck = 20;

    public static readonly (string Label, TimeSpan Under)[] AgeBuckets =
    [
        ("under_5m", TimeSpan.FromMinutes(5)),
        ("5m_to_1h", TimeSpan.FromHours(1)),
        ("1h_to_1d", TimeSpan.FromDays(1)),
        ("over_1d", TimeSpan.MaxValue),
    ];

    static readonly TimeSpan ChartSpan = TimeSpan.FromHours(1);

    readonly Lock _historyGate = new();
    readonly Queue<ChartPoint> _history = new();
    readonly InvalidationProgress? _invalidation = services.GetService<InvalidationProgress>();
    OperationsSnapshot? _latest;
    long _legacyCalls = -1;
    long _cloudCalls = -1;

    public OperationsSnapshot Latest => Volatile.Read(ref _latest) ?? OperationsSnapshot.Empty(time.GetUtcNow());

    /// <summary>Raised after each sample; the console's event stream waits on it.</summary>
    public event Action<OperationsSnapshot>? Sampled;

    public IReadOnlyList<ChartPoint> History()
    {
        lock (_historyGate)
        {
            return [.. _history];
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, time);
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task SampleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var previous = Volatile.Read(ref _latest);
        string? error = null;
        ExceptionsView exceptions;
        IReadOnlyDictionary<OrderStatus, long> byStatus;
        IReadOnlyList<StuckView> stuck;
        try
        {
            exceptions = Exceptions(await orders.ListExceptionsAsync(cancellationToken), now);
            byStatus = await orders.CountByStatusAsync(cancellationToken);
            stuck = await StuckAsync(now, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Keep showing the last figures read, saying how old they are, rather than zeros that look like good news.
            error = "The order store could not be read: " + exception.GetType().Name;
            Log.SampleFailed(logger, exception.GetType().Name);
            exceptions = previous?.Exceptions ?? new ExceptionsView(0, [], []);
            byStatus = previous?.OrdersByStatus ?? new Dictionary<OrderStatus, long>();
            stuck = previous?.Stuck ?? [];
        }

        var erpStates = erps.Current();
        var snapshot = new OperationsSnapshot(
            now,
            Freshness(),
            _invalidation?.PendingAgeSeconds ?? 0,
            [.. erpStates.Select(View)],
            exceptions,
            byStatus,
            stuck,
            Partners(),
            redis.IsConfigured ? redis.IsConnected : null,
            error);
        Volatile.Write(ref _latest, snapshot);
        Chart(snapshot, erpStates);
        Sampled?.Invoke(snapshot);
    }

    IReadOnlyList<DomainFreshness> Freshness()
    {
        var objectives = eventsOptions.Value.FreshnessObjective;
        return [.. freshness.Current().Select(f =>
        {
            var objective = objectives.TryGetValue(f.Type, out var o) ? o.TotalSeconds : double.PositiveInfinity;
            var state = f.P95Seconds is not { } p95 ? "quiet" : p95 > objective ? "over" : "ok";
            return new DomainFreshness(f.Type, objective, f.P95Seconds, f.LatestSeconds, f.Applied, state);
        })];
    }

    static ErpView View(ErpState s) => new(
        s.Erp == Core.Erp.ErpSystem.Legacy ? "legacy" : "cloud",
        s.Circuit,
        Math.Round(s.InUse, 2),
        s.Capacity,
        s.InteractiveWaiting,
        s.BackgroundWaiting,
        (long)s.PausedFor.TotalMilliseconds,
        s.Coordination,
        s.Recent.Operations,
        s.Recent.Failed,
        s.Recent.Throttled,
        s.Recent.Faults,
        s.Recent.LastFailure?.Outcome,
        s.Recent.LastFailure?.At);

    static ExceptionsView Exceptions(IReadOnlyList<ExceptionEntry> all, DateTimeOffset now)
    {
        var open = all.Where(e => e.Status == ExceptionStatus.Open).OrderBy(e => e.CreatedAt).ThenBy(e => e.ExceptionId, StringComparer.Ordinal).ToList();
        var depth = new List<ExceptionCount>();
        foreach (var category in Enum.GetValues<ExceptionCategory>())
        {
            foreach (var (label, _) in AgeBuckets)
            {
                depth.Add(new ExceptionCount(category, label, open.Count(e => e.Category == category && AgeBucket(now - e.CreatedAt) == label)));
            }
        }

        var items = open.Take(ListedExceptions).Select(e => new OpenException(
            e.ExceptionId, e.Category, e.OrderId, e.CustomerId, e.Reason, e.CreatedAt, Math.Max(0, (now - e.CreatedAt).TotalSeconds), ActionsOf(e))).ToList();
        return new ExceptionsView(open.Count, depth, items);
    }

    /// <summary>What the queue accepts for an open entry (see <see cref="ExceptionQueue"/>).</summary>
    static IReadOnlyList<string> ActionsOf(ExceptionEntry entry) =>
        entry.Category == ExceptionCategory.PriceMismatch ? ["resolve", "cancel"] : ["replay", "cancel"];

    public static string AgeBucket(TimeSpan age) => AgeBuckets.First(b => age < b.Under).Label;

    async Task<IReadOnlyList<StuckView>> StuckAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new List<StuckView>();
        foreach (var (status, threshold) in ordersOptions.CurrentValue.StuckAfter.OrderBy(p => p.Key))
        {
            var slice = await orders.InStatusSinceAsync(status, now - threshold, ListedStuck, cancellationToken);
            result.Add(new StuckView(
                status,
                threshold.TotalSeconds,
                slice.Count,
                [.. slice.Oldest.Select(o => new StuckOrder(o.OrderId, o.CustomerId, o.Since, Math.Max(0, (now - o.Since).TotalSeconds)))]));
        }

        return result;
    }

    IReadOnlyList<PartnerView> Partners() =>
        [.. limiter.PartnerUse()
            .OrderByDescending(p => p.Plan.DailyQuota == 0 ? 0 : (double)p.UsedToday / p.Plan.DailyQuota)
            .ThenBy(p => p.PartnerId, StringComparer.Ordinal)
            .Select(p => new PartnerView(
                p.PartnerId, PlanName(p.Plan), p.Plan.DailyQuota, p.UsedToday,
                p.Plan.DailyQuota == 0 ? 0 : Math.Round((double)p.UsedToday / p.Plan.DailyQuota, 4), p.LastCall))];

    /// <summary>A plan has no name of its own: its figures are its name.</summary>
    public static string PlanName(Edge.PartnerPlan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"{plan.RequestsPerSecond}/s burst {plan.Burst}, {plan.DailyQuota}/day");

    void Chart(OperationsSnapshot snapshot, IReadOnlyList<ErpState> states)
    {
        var legacy = states.FirstOrDefault(s => s.Erp == Core.Erp.ErpSystem.Legacy)?.Recent.Operations ?? 0;
        var cloud = states.FirstOrDefault(s => s.Erp == Core.Erp.ErpSystem.Cloud)?.Recent.Operations ?? 0;
        var point = new ChartPoint(
            snapshot.At,
            snapshot.Freshness.Max(f => f.P95Seconds),
            snapshot.InvalidationPendingAgeSeconds,
            _legacyCalls < 0 ? 0 : legacy - _legacyCalls,
            _cloudCalls < 0 ? 0 : cloud - _cloudCalls);
        _legacyCalls = legacy;
        _cloudCalls = cloud;
        lock (_historyGate)
        {
            _history.Enqueue(point);
            while (_history.Count > 0 && snapshot.At - _history.Peek().At > ChartSpan)
            {
                _history.Dequeue();
            }
        }
    }
}

using Gateway.Orders;
using Gateway.Orders.Exceptions;

namespace Gateway.Operations;

/// <summary>What the console shows and the operations gauges publish, as of <paramref name="At"/>.</summary>
/// <param name="Error">Why the stores could not be read at the last sample, if they could not (the figures are then older).</param>
internal sealed record OperationsSnapshot(
    DateTimeOffset At,
    IReadOnlyList<DomainFreshness> Freshness,
    double InvalidationPendingAgeSeconds,
    IReadOnlyList<ErpView> Erps,
    ExceptionsView Exceptions,
    IReadOnlyDictionary<OrderStatus, long> OrdersByStatus,
    IReadOnlyList<StuckView> Stuck,
    IReadOnlyList<PartnerView> Partners,
    bool? RedisConnected,
    string? Error)
{
    public static OperationsSnapshot Empty(DateTimeOffset at) =>
        new(at, [], 0, [], new ExceptionsView(0, [], []), new Dictionary<OrderStatus, long>(), [], [], null, "not sampled yet");
}

/// <summary>One change type's freshness against its objective; <paramref name="State"/> is <c>ok</c>, <c>over</c> or <c>quiet</c> (nothing applied lately).</summary>
internal sealed record DomainFreshness(string Type, double ObjectiveSeconds, double? P95Seconds, double? LatestSeconds, int Applied, string State);

/// <summary>One ERP as the console shows it.</summary>
internal sealed record ErpView(
    string Erp,
    string Circuit,
    double InUse,
    double Capacity,
    int InteractiveWaiting,
    int BackgroundWaiting,
    long PausedMs,
    string Coordination,
    long Operations,
    long Failed,
    long Throttled,
    long Faults,
    string? LastFailure,
    DateTimeOffset? LastFailureAt);

/// <summary>The open part of the exception queue: how many, by category and by age, and the oldest entries.</summary>
internal sealed record ExceptionsView(int Open, IReadOnlyList<ExceptionCount> Depth, IReadOnlyList<OpenException> Items);

/// <summary>Open entries of one category in one age bucket.</summary>
internal sealed record ExceptionCount(ExceptionCategory Category, string Age, int Count);

/// <summary>An open entry, with what an operator may do with it.</summary>
internal sealed record OpenException(
    string ExceptionId,
    ExceptionCategory Category,
    string OrderId,
    string CustomerId,
    string Reason,
    DateTimeOffset CreatedAt,
    double AgeSeconds,
    IReadOnlyList<string> Actions);

/// <summary>Orders in one status longer than its threshold.</summary>
internal sealed record StuckView(OrderStatus Status, double ThresholdSeconds, long Count, IReadOnlyList<StuckOrder> Oldest);

internal sealed record StuckOrder(string OrderId, string CustomerId, DateTimeOffset Since, double AgeSeconds);

/// <summary>A partner's use of its plan today (the plan in words: its rate, burst and daily quota).</summary>
internal sealed record PartnerView(string PartnerId, string Plan, long DailyQuota, long UsedToday, double Share, DateTimeOffset LastCall);

/// <summary>One point of the console's chart.</summary>
/// <param name="FreshnessP95Seconds">The worst 95th percentile of the change types, if any change was applied lately.</param>
/// <param name="LegacyCalls">ERP operations since the previous point.</param>
internal sealed record ChartPoint(DateTimeOffset At, double? FreshnessP95Seconds, double InvalidationPendingAgeSeconds, long LegacyCalls, long CloudCalls);

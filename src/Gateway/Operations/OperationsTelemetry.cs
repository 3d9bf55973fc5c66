using System.Diagnostics.Metrics;
using Gateway.Events;
using Microsoft.Extensions.Options;

namespace Gateway.Operations;

/// <summary>
/// The business KPIs read from <see cref="OperationsSampler.Latest"/> at scrape time (no store is reached by a scrape):
/// orders in each status and stuck, the open exception queue by category and age bucket, each change type's freshness
/// objective, partners' quota use per plan (never a partner id), and whether Redis answers. Figures from the stores are
/// cluster-wide, so every instance publishes the same: aggregate them with <c>max</c>, not <c>sum</c>.
/// </summary>
internal sealed class OperationsTelemetry
{
    public const string Name = "Gateway.Operations";

    /// <summary>Plans are named by their figures, so the series stay few only while plans do: past this many, "other".</summary>
    const int MaxPlanLabels = 20;

    public OperationsTelemetry(IMeterFactory meters, OperationsSampler sampler, IOptions<EventsOptions> events, Core.Redis.RedisConnection redis)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        meter.CreateObservableGauge("gateway.orders.in_status", () => sampler.Latest.OrdersByStatus.Select(p =>
                new Measurement<long>(p.Value, new KeyValuePair<string, object?>(Orders.OrdersTelemetry.StatusTag, p.Key.ToString()))),
            description: "Orders in each status now (every status an order can still leave), cluster-wide.");
        meter.CreateObservableGauge("gateway.orders.stuck", () => sampler.Latest.Stuck.Select(s =>
                new Measurement<long>(s.Count, new KeyValuePair<string, object?>(Orders.OrdersTelemetry.StatusTag, s.Status.ToString()))),
            description: "Orders in a status for longer than its Orders:StuckAfter threshold, cluster-wide.");
        meter.CreateObservableGauge("gateway.exceptions.open", () => sampler.Latest.Exceptions.Depth.Select(d =>
                new Measurement<int>(d.Count, new("exception.category", d.Category.ToString()), new("exception.age", d.Age))),
            description: "Open entries of the order exception queue by category and age bucket (under_5m, 5m_to_1h, 1h_to_1d, over_1d), cluster-wide.");
        meter.CreateObservableGauge("gateway.events.freshness.objective", () => events.Value.FreshnessObjective.Select(p =>
                new Measurement<double>(p.Value.TotalSeconds, new KeyValuePair<string, object?>(EventsTelemetry.TypeTag, p.Key))),
            unit: "s",
            description: "The objective for the delay from an ERP change to it being applied here, by change type (Events:FreshnessObjective).");
        meter.CreateObservableGauge("gateway.partners.quota.used", () => ByPlan(sampler, p => p.UsedToday),
            description: "Requests partners spent of today's quota, summed per plan over the partners that called lately.");
        meter.CreateObservableGauge("gateway.partners.quota.limit", () => ByPlan(sampler, p => p.DailyQuota),
            description: "Today's quota of the same partners, summed per plan: used over limit is the plan's share spent.");
        meter.CreateObservableGauge("gateway.partners.active", () => ByPlan(sampler, _ => 1),
            description: "Partners that called lately, per plan.");
        if (redis.IsConfigured)
        {
            meter.CreateObservableGauge("gateway.redis.connected", () => redis.IsConnected ? 1 : 0,
                description: "1 while this instance's shared Redis connection is up, 0 while Redis cannot be reached.");
        }
    }

    static IEnumerable<Measurement<long>> ByPlan(OperationsSampler sampler, Func<PartnerView, long> value)
    {
        var plans = sampler.Latest.Partners.Select(p => p.Plan).Distinct(StringComparer.Ordinal).Take(MaxPlanLabels).ToHashSet(StringComparer.Ordinal);
        return sampler.Latest.Partners
            .GroupBy(p => plans.Contains(p.Plan) ? p.Plan : "other", StringComparer.Ordinal)
            .Select(g => new Measurement<long>(g.Sum(value), new KeyValuePair<string, object?>("partner.plan", g.Key)));
    }
}

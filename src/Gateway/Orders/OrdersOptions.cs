using System.ComponentModel.DataAnnotations;
using Gateway.Orders.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Orders;

/// <summary>Order intake, hand-off and status feedback (<c>Orders:*</c>).</summary>
public sealed class OrdersOptions : IValidatableObject
{
    public const string SectionName = "Orders";

    /// <summary>How long an idempotency key replays its first answer. At least a day (the contract). Default: 24 h.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "30.00:00:00")]
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a request holds its key while being validated. A repeat waits for it this long at most; an instance that
    /// died mid-request frees the key after it. Default: 10 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan IdempotencyInFlightTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Orders one instance hands to the ERP at once. Default: 8.</summary>
    [Range(1, 256)]
    public int HandOffConcurrency { get; set; } = 8;

    /// <summary>How often an idle hand-off worker looks for new orders. Default: 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan HandOffPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// An order taken by an instance that has not renewed its claim for this long is taken over by another (its taker died
    /// or hangs): a killed instance's orders move on after at most this plus <see cref="HandOffPollInterval"/>. Default: 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HandOffClaimIdle { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often an instance renews its claim on the orders it is handing off (one Redis call for all of them), however long
    /// the ERP takes or an outage lasts. At most a third of <see cref="HandOffClaimIdle"/>, so that a late renewal or two
    /// never lets another instance take over a live one's work. Default: 1 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:20:00")]
    public TimeSpan HandOffRenewInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two attempts while the ERP is unavailable (waits double up to it). Default: 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RetryBackoffMax { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An order the ERP keeps failing to take for this long goes to the exception queue (<c>ErpUnreachable</c>). Default: 30 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Time between two status checks of an order the ERP still moves along. Default: 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most orders one instance checks per status round. Default: 100.</summary>
    [Range(1, 10_000)]
    public int StatusPollBatch { get; set; } = 100;

    /// <summary>
    /// Replicas that must hold an accepted order before it is answered <c>202</c> (Redis <c>WAIT</c> after the acceptance);
    /// 0 answers as soon as the primary has it. Set 1 with Sentinel or a cluster with replicas: an order only a primary
    /// held when it failed over is lost with it. Default: 0.
    /// </summary>
    [Range(0, 16)]
    public int ReplicaAcknowledgements { get; set; }

    /// <summary>
    /// Longest wait for those replicas; past it the intake answers 503, and a retry with the same idempotency key replays
    /// the order if the primary kept it or accepts it again if not. Default: 1 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan ReplicaAcknowledgeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an order may stay in a status before it counts as stuck (<c>Orders:StuckAfter:&lt;Status&gt;</c>, e.g.
    /// <c>Orders__StuckAfter__Confirmed=2.00:00:00</c>): on <c>gateway_orders_stuck</c>, its alert and the console. A status
    /// left out is never stuck. Defaults: Accepted 5 min (the hand-off takes seconds), SubmittedToErp 15 min, OnHold 4 h
    /// and Rejected 1 h (an operator's move), Confirmed and Allocated 1 day (to ship), Shipped 3 days (to invoice).
    /// Invoiced and Cancelled are final.
    /// </summary>
    public Dictionary<OrderStatus, TimeSpan> StuckAfter { get; set; } = new()
    {
        [OrderStatus.Accepted] = TimeSpan.FromMinutes(5),
        [OrderStatus.SubmittedToErp] = TimeSpan.FromMinutes(15),
        [OrderStatus.OnHold] = TimeSpan.FromHours(4),
        [OrderStatus.Rejected] = TimeSpan.FromHours(1),
        [OrderStatus.Confirmed] = TimeSpan.FromDays(1),
        [OrderStatus.Allocated] = TimeSpan.FromDays(1),
        [OrderStatus.Shipped] = TimeSpan.FromDays(3),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HandOffRenewInterval * 3 > HandOffClaimIdle)
        {
            yield return new ValidationResult(
                $"{nameof(HandOffRenewInterval)} must be at most a third of {nameof(HandOffClaimIdle)}: a live instance's orders would be taken over.",
                [nameof(HandOffRenewInterval)]);
        }
    }
}

/// <summary>Fails start-up, naming the key, for a stuck threshold on a final status or one that is not positive.</summary>
internal sealed class OrdersOptionsValidation : IValidateOptions<OrdersOptions>
{
    public ValidateOptionsResult Validate(string? name, OrdersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wrong = options.StuckAfter
            .Where(pair => !OrderStatusIndex.IsTracked(pair.Key) || pair.Value <= TimeSpan.Zero)
            .Select(pair => $"{OrdersOptions.SectionName}:{nameof(OrdersOptions.StuckAfter)}:{pair.Key} must be a positive time on a status an order can leave.")
            .ToList();
        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
    }
}

using System.ComponentModel.DataAnnotations;

namespace Gateway.Hosting.Shutdown;

/// <summary>How an instance leaves the cluster on <c>SIGTERM</c> (<c>Shutdown:*</c>).</summary>
public sealed class ShutdownOptions : IValidatableObject
{
    public const string SectionName = "Shutdown";

    /// <summary>
    /// From the stop signal, how long the instance keeps serving every request while <c>/health/ready</c> already fails, so
    /// that load balancers and the other instances notice it is going before it stops listening. Match it to the
    /// readiness probe's period times its failure threshold (Kubernetes: and the <c>preStop</c> sleep). Default: 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The whole stop, drain included (<c>HostOptions.ShutdownTimeout</c>): after the drain, the requests in flight and
    /// the orders being handed to the ERP finish within what is left, then leases and shares are released. At least
    /// 5 s more than <see cref="DrainDelay"/>; keep Kubernetes' <c>terminationGracePeriodSeconds</c> above it. Default: 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Timeout < DrainDelay + TimeSpan.FromSeconds(5))
        {
            yield return new ValidationResult(
                $"{nameof(Timeout)} must exceed {nameof(DrainDelay)} by at least 5 s: the requests and hand-offs in flight need time to finish after the drain.",
                [nameof(Timeout)]);
        }
    }
}

using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Gateway.Observability;

/// <summary>
/// Parent-based ratio sampling that also keeps a root span linked to a recorded trace: an order's later status changes
/// start traces of their own that link to the order's, and are worth keeping exactly when the order's trace was kept
/// (a ratio alone would keep only that share of them).
/// </summary>
internal sealed class LinkFollowingSampler(double ratio) : Sampler
{
    static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);

    readonly ParentBasedSampler _parentBased = new(new TraceIdRatioBasedSampler(ratio));

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.ParentContext.TraceId == default && samplingParameters.Links is { } links)
        {
            foreach (var link in links)
            {
                if ((link.Context.TraceFlags & ActivityTraceFlags.Recorded) != 0)
                {
                    return Keep;
                }
            }
        }

        return _parentBased.ShouldSample(samplingParameters);
    }
}

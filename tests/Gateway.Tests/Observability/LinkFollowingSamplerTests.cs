using System.Diagnostics;
using Gateway.Observability;
using OpenTelemetry.Trace;

namespace Gateway.Tests.Observability;

public sealed class LinkFollowingSamplerTests
{
    static readonly ActivityContext Recorded = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
    static readonly ActivityContext NotRecorded = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);

    [Fact]
    public void ShouldSample_RootLinkedToRecordedTrace_Samples()
    {
        var sut = new LinkFollowingSampler(0.0);

        var result = sut.ShouldSample(Root([new ActivityLink(Recorded)]));

        Assert.Equal(SamplingDecision.RecordAndSample, result.Decision);
    }

    [Fact]
    public void ShouldSample_RootLinkedToUnrecordedTraceAtZeroRatio_Drops()
    {
        var sut = new LinkFollowingSampler(0.0);

        var result = sut.ShouldSample(Root([new ActivityLink(NotRecorded)]));

        Assert.Equal(SamplingDecision.Drop, result.Decision);
    }

    [Fact]
    public void ShouldSample_RootWithoutLinks_FollowsRatio()
    {
        Assert.Equal(SamplingDecision.Drop, new LinkFollowingSampler(0.0).ShouldSample(Root(null)).Decision);
        Assert.Equal(SamplingDecision.RecordAndSample, new LinkFollowingSampler(1.0).ShouldSample(Root(null)).Decision);
    }

    [Fact]
    public void ShouldSample_ParentNotRecordedLinkRecorded_FollowsParent()
    {
        var sut = new LinkFollowingSampler(1.0);

        var result = sut.ShouldSample(new SamplingParameters(NotRecorded, NotRecorded.TraceId, "span", ActivityKind.Internal, links: [new ActivityLink(Recorded)]));

        Assert.Equal(SamplingDecision.Drop, result.Decision);
    }

    [Fact]
    public void ShouldSample_ParentRecordedAtZeroRatio_Samples()
    {
        var sut = new LinkFollowingSampler(0.0);

        var result = sut.ShouldSample(new SamplingParameters(Recorded, Recorded.TraceId, "span", ActivityKind.Server));

        Assert.Equal(SamplingDecision.RecordAndSample, result.Decision);
    }

    static SamplingParameters Root(IEnumerable<ActivityLink>? links) =>
        new(default, ActivityTraceId.CreateRandom(), "order status", ActivityKind.Internal, links: links);
}

using System.Net;
using Gateway.Edge;
using Gateway.Edge.Authentication;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Edge.Authentication;

public sealed class AnonymousCallersTests
{
    static AnonymousCallers Callers() =>
        new(Options.Create(new AnonymousOptions { Scopes = [Scopes.CatalogRead], RequestsPerSecond = 5, Burst = 7, DailyQuota = 99 }));

    [Fact]
    public void For_SameAddressTwice_ReturnsTheSameCaller()
    {
        var sut = Callers();

        var first = sut.For(IPAddress.Parse("10.0.0.1"));
        var again = sut.For(IPAddress.Parse("10.0.0.1"));

        Assert.Same(first, again);
        Assert.Equal("anonymous:10.0.0.1", first.Id);
        Assert.Equal(CallerKind.Anonymous, first.Kind);
        Assert.Equal(new PartnerPlan(5, 7, 99), first.Plan);
        Assert.True(first.HasScope(Scopes.CatalogRead));
        Assert.False(first.ActsFor("20001"));
    }

    [Fact]
    public void For_TwoAddresses_ReturnsTwoPartitions()
    {
        var sut = Callers();

        Assert.NotEqual(sut.For(IPAddress.Parse("10.0.0.1")).Id, sut.For(IPAddress.Parse("10.0.0.2")).Id);
        Assert.Equal("anonymous:unknown", sut.For(null).Id);
    }

    [Fact]
    public void For_MoreAddressesThanTheBound_StartsOverAndStillAnswersEachAddress()
    {
        var sut = Callers();
        var first = sut.For(IPAddress.Parse("10.0.0.1"));

        for (var i = 0; i < AnonymousCallers.MaxAddresses; i++)
        {
            sut.For(new IPAddress(0x0B000000u + (uint)i));
        }

        var later = sut.For(IPAddress.Parse("10.0.0.1"));
        Assert.NotSame(first, later);
        Assert.Equal((first.Id, first.Plan), (later.Id, later.Plan));
    }
}

using System.Net;
using Gateway.ChannelEvents;
using Gateway.ChannelEvents.Delivery;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.ChannelEvents;

public sealed class TargetPolicyTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void IsInternal_InternalAddress_IsTrue(string address) => Assert.True(TargetPolicy.IsInternal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void IsInternal_PublicAddress_IsFalse(string address) => Assert.False(TargetPolicy.IsInternal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://93.184.216.34/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://api.localhost/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://user:pass@93.184.216.34/hook")]
    [InlineData("ftp://93.184.216.34/hook")]
    [InlineData("/relative")]
    [InlineData("")]
    public async Task RefusalAsync_Strict_RefusesTheUrl(string url)
    {
        var sut = new TargetPolicy(Options.Create(new WebhooksOptions()));

        Assert.NotNull(await sut.RefusalAsync(url, Ct));
    }

    [Fact]
    public async Task RefusalAsync_PublicHttpsLiteral_IsAllowed()
    {
        var sut = new TargetPolicy(Options.Create(new WebhooksOptions()));

        Assert.Null(await sut.RefusalAsync("https://93.184.216.34/hook", Ct));
    }

    [Fact]
    public async Task RefusalAsync_InsecureAllowed_AcceptsLoopbackHttp()
    {
        var sut = new TargetPolicy(Options.Create(new WebhooksOptions { AllowInsecureTargets = true }));

        Assert.Null(await sut.RefusalAsync("http://127.0.0.1:5000/hook", Ct));
    }
}

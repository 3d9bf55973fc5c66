using System.Globalization;
using System.Net;
using ErpSimulator.Cloud;
using ErpSimulator.Control;

namespace ErpSimulator.Tests.Cloud;

/// <summary>The quota at its defaults (20/s, burst 40), on a simulator of its own.</summary>
public sealed class CloudQuotaTests
{
    [Fact]
    public async Task GetItem_BurstBeyondTheBucket_Gets429sWithAnHonestRetryAfter()
    {
        await using var sut = await SimulatorHost.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => sut.Client.GetAsync(new Uri("cloud/api/items/100001", UriKind.Relative), ct)));
        var throttled = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();

        Assert.NotEmpty(throttled);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        foreach (var refused in throttled)
        {
            Assert.Equal("rate_limited", (await refused.ReadAsync<CloudError>()).Error.Code);
        }

        var stats = await sut.Client.GetJsonAsync<StatsView>("_sim/stats");
        Assert.Equal(throttled.Count, stats.Cloud.Throttled);
        Assert.Equal(60, stats.Cloud.Calls);

        var retryAfter = throttled.Max(a => int.Parse(a.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture));
        Assert.InRange(retryAfter, 1, 2);
        await Task.Delay(TimeSpan.FromSeconds(retryAfter), ct); // the wait the server asked for, the behaviour under test
        using var admitted = await sut.Client.GetAsync(new Uri("cloud/api/items/100001", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}

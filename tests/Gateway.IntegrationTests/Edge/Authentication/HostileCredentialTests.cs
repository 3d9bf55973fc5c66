using System.Net;
using Gateway.Edge.ApiKeys;

namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>
/// A credential-stuffing flood from one address: its refusals are limited like anonymous callers (429 with
/// Retry-After once over), it writes a few log lines rather than one per guess, and the invented keys it sends leave
/// the instance's key cache at its bound.
/// </summary>
public sealed class HostileCredentialTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static HttpRequestMessage WithKey(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, EdgeHost.ProbePath(Gateway.Edge.Scopes.CatalogRead));
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        return request;
    }

    [Fact]
    public async Task Refused_credentials_are_limited_per_client_address_with_retry_after()
    {
        await using var host = await EdgeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Anonymous:RequestsPerSecond"] = "1",
            ["Auth:Anonymous:Burst"] = "5",
        });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 12; i++)
        {
            using var request = WithKey(PartnerKeyFormat.Generate().Key);
            var response = await host.Client.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited ??= response;
            }
        }

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"answered {s}"));
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.Unauthorized), 5, 7);
        Assert.NotNull(limited);
        Assert.NotNull(limited.Headers.RetryAfter);
        await Problems.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_flood_of_invented_keys_writes_a_few_lines_and_leaves_the_key_cache_at_its_bound()
    {
        await using var host = await EdgeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Anonymous:RequestsPerSecond"] = "100000",
            ["Auth:Anonymous:Burst"] = "100000",
            ["Edge:ApiKeys:MaxUnknownKeys"] = "100",
        });
        var cache = (PartnerKeyCache)host.Services.GetService(typeof(PartnerKeyCache))!;
        var before = host.Logs.Lines.Count;

        var refused = 0;
        await Parallel.ForAsync(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (_, ct) =>
        {
            using var request = WithKey(PartnerKeyFormat.Generate().Key);
            using var response = await host.Client.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                Interlocked.Increment(ref refused);
            }
        });

        Assert.Equal(2_000, refused);
        Assert.InRange(cache.UnknownCount, 1, 100);
        var written = host.Logs.Lines.Skip(before).Where(line => line.Contains("Authentication", StringComparison.Ordinal)).ToList();
        Assert.True(written.Count <= 10, $"{written.Count} lines:\n{string.Join('\n', written.Take(20))}");
    }
}

using System.Net;
using System.Text.Json;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Gateway.IntegrationTests.Versions;

/// <summary>Calls are counted per version, caller, route and day on every instance and answered cluster-wide by <c>/admin/usage</c>.</summary>
[Collection(VersionsCluster.Name)]
public sealed class UsageTests(VersionsClusterFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_on_two_instances_are_counted_once_each_and_answered_by_either()
    {
        var (partnerId, _, key) = await fixture.NewPartnerAsync();
        var sku = fixture.Sample.Skus[5];
        for (var i = 0; i < 3; i++)
        {
            using var a = await AdminClient.GetWithKeyAsync(fixture.A.Client, $"/v1/products/{sku}", key);
            Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var b = await AdminClient.GetWithKeyAsync(fixture.B.Client, $"/v1/inventory/{sku}", key);
            Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        }

        using var v2 = await AdminClient.GetWithKeyAsync(fixture.B.Client, $"/v2/products/{sku}", key);
        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);

        // B flushes within its interval; A flushes its own before it reads.
        var caller = await Eventually.WaitForAsync(() => CallerAsync(fixture.A, "v1", "partner:" + partnerId), c => c?.GetProperty("calls").GetInt64() == 5);
        Assert.NotNull(caller);
        Assert.Equal(5, caller.Value.GetProperty("calls").GetInt64());
        var routes = caller.Value.GetProperty("routes").EnumerateArray().ToDictionary(r => r.GetProperty("route").GetString()!, r => r.GetProperty("calls").GetInt64());
        Assert.Equal(3, routes["GET /v1/products/{sku}"]);
        Assert.Equal(2, routes["GET /v1/inventory/{sku}"]);
        Assert.True(caller.Value.GetProperty("lastCalledAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        // The same count from the other instance, and v2's call under v2 only.
        var fromB = await Eventually.WaitForAsync(() => CallerAsync(fixture.B, "v1", "partner:" + partnerId), c => c?.GetProperty("calls").GetInt64() == 5);
        Assert.Equal(5, fromB!.Value.GetProperty("calls").GetInt64());
        var onV2 = await Eventually.WaitForAsync(() => CallerAsync(fixture.A, "v2", "partner:" + partnerId), c => c is not null);
        Assert.Equal(1, onV2!.Value.GetProperty("calls").GetInt64());
    }

    [Fact]
    public async Task Usage_keys_are_one_hash_tag_per_version_and_day()
    {
        var (partnerId, _, key) = await fixture.NewPartnerAsync();
        using var call = await AdminClient.GetWithKeyAsync(fixture.A.Client, $"/v1/products/{fixture.Sample.Skus[6]}", key);
        await Eventually.WaitForAsync(() => CallerAsync(fixture.A, "v1", "partner:" + partnerId), c => c is not null);

        var day = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var keys = new List<string>();
        await foreach (var found in redis.GetServer(redis.GetEndPoints()[0]).KeysAsync(pattern: "gateway:usage:*"))
        {
            keys.Add(found.ToString());
        }

        Assert.Contains($"gateway:usage:{{v1:{day}}}:routes", keys);
        Assert.Contains($"gateway:usage:{{v1:{day}}}:callers", keys);
        Assert.Contains($"gateway:usage:{{v1:{day}}}:last", keys);
    }

    [Fact]
    public async Task Bad_usage_queries_are_400_naming_the_field()
    {
        foreach (var (query, field) in new[] { ("version=v9", "version"), ("", "version"), ("version=v1&field=Product.name", "field"), ("version=v1&since=yesterday", "since"), ("field=no-dot", "field"), ("version=v1&since=2000-01-01", "since") })
        {
            using var response = await fixture.A.Admin.GetAsync(new Uri("admin/usage?" + query, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {problem}");
        }
    }

    [Fact]
    public async Task Usage_is_for_the_admin_only()
    {
        var (_, _, key) = await fixture.NewPartnerAsync();

        using var response = await AdminClient.GetWithKeyAsync(fixture.A.Client, "/admin/usage?version=v1", key);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Prometheus_counts_calls_per_version_without_callers()
    {
        using var call = await fixture.A.Admin.GetAsync(new Uri($"v1/products/{fixture.Sample.Skus[7]}", UriKind.Relative), Ct);

        static string? V1Line(string text) => text.Split('\n').FirstOrDefault(l =>
            l.StartsWith("gateway_api_version_calls_total{", StringComparison.Ordinal) && l.Contains("api_version=\"v1\"", StringComparison.Ordinal));
        var metrics = await Eventually.WaitForAsync(() => fixture.A.Client.GetStringAsync(new Uri("metrics", UriKind.Relative), Ct), text => V1Line(text) is not null);
        var line = V1Line(metrics);
        Assert.True(line is not null, string.Join('\n', metrics.Split('\n').Where(l => l.Contains("version", StringComparison.Ordinal))));
        var value = line![(line.IndexOf("} ", StringComparison.Ordinal) + 2)..].Split(' ')[0];
        Assert.True(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) >= 1, line);
        Assert.DoesNotContain("partner:", line, StringComparison.Ordinal);
    }

    internal static async Task<JsonElement?> CallerAsync(GatewayHost gateway, string versionOrField, string callerId)
    {
        var query = versionOrField.Contains('.', StringComparison.Ordinal) ? "field=" + versionOrField : "version=" + versionOrField;
        using var response = await gateway.Admin.GetAsync(new Uri("admin/usage?" + query, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        foreach (var item in body.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("callerId").GetString() == callerId)
            {
                return item.Clone();
            }
        }

        return null;
    }
}

using System.Net;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.Extensions.Options;

namespace Gateway.IntegrationTests.Versions;

/// <summary>A sunset before its deprecation stops start-up, and is refused on reload with the previous rules kept; a good reload applies without restart.</summary>
public sealed class VersionsConfigurationTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_sunset_before_the_deprecation_stops_start_up_naming_the_key()
    {
        var error = Assert.ThrowsAny<Exception>(() => GatewayHost.Start(new GatewayHostOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Versions:v1:DeprecatedAt"] = "2027-01-01T00:00:00Z",
                ["Versions:v1:SunsetAt"] = "2026-12-31T00:00:00Z",
            },
        }));

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(error));
        Assert.Contains("Versions:v1:SunsetAt", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_reload_is_refused_and_a_good_one_applies_without_restart()
    {
        var logs = new CapturedLogs();
        await using var gateway = await GatewayHost.StartAsync(new GatewayHostOptions { Logs = logs });
        Assert.Null(await DeprecationAsync(gateway));
        gateway.Reconfigure(new Dictionary<string, string?> { ["Versions:v1:DeprecatedAt"] = "2026-01-01T00:00:00Z" });
        Assert.Equal("@1767225600", await DeprecationAsync(gateway));

        gateway.Reconfigure(new Dictionary<string, string?> { ["Versions:v1:SunsetAt"] = "2025-06-01T00:00:00Z" });

        Assert.Equal("@1767225600", await DeprecationAsync(gateway));
        using (var stillServed = await gateway.Admin.GetAsync(new Uri("v1/me", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
            Assert.False(stillServed.Headers.Contains("Sunset"));
        }

        Assert.Contains(logs.Lines, line => line.Contains("refused", StringComparison.Ordinal) && line.Contains("Versions:v1:SunsetAt", StringComparison.Ordinal));

        gateway.Reconfigure(new Dictionary<string, string?>
        {
            ["Versions:v1:DeprecatedAt"] = "2026-02-01T00:00:00Z",
            ["Versions:v1:SunsetAt"] = "2027-02-01T00:00:00Z",
        });

        Assert.Equal("@1769904000", await DeprecationAsync(gateway));
    }

    static async Task<string?> DeprecationAsync(GatewayHost gateway)
    {
        using var response = await gateway.Admin.GetAsync(new Uri("v1/me", UriKind.Relative), Ct);
        return response.Headers.TryGetValues("Deprecation", out var values) ? values.Single() : null;
    }

    static Exception Unwrap(Exception error)
    {
        while (error is not OptionsValidationException && error.InnerException is { } inner)
        {
            error = inner;
        }

        return error is AggregateException { InnerExceptions: [var only] } ? only : error;
    }
}

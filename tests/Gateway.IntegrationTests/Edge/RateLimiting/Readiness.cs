using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.IntegrationTests.Edge.RateLimiting;

/// <summary>Reads <c>/health/ready</c> and waits, with a deadline, for the <c>rate-limits</c> entry to reach a state.</summary>
internal static class Readiness
{
    public static async Task<(string Status, string Description)> RateLimitsAsync(EdgeTestHost host)
    {
        using var body = await host.Client.GetFromJsonAsync<JsonDocument>("/health/ready", TestContext.Current.CancellationToken);
        var entry = body!.RootElement.GetProperty("checks").GetProperty("rate-limits");
        return (entry.GetProperty("status").GetString()!, entry.GetProperty("description").GetString() ?? "");
    }

    public static async Task<(string Status, string Description)> WaitForAsync(
        EdgeTestHost host, Func<(string Status, string Description), bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var state = await RateLimitsAsync(host);
            if (condition(state) || DateTime.UtcNow > deadline)
            {
                return state;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

using System.Net;
using Gateway.CanonicalApi.Problems;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.CanonicalApi;

/// <summary>
/// An ERP that cannot answer gives a 503 with Retry-After (or a 504 when it is too slow), never a 500 nor a hang. Each
/// test has its own gateway, so the circuit its failures open does not leak into the collection's shared one.
/// </summary>
[Collection(SharedCanonicalApi.Name)]
public sealed class ErpFailureAnswerTests(CanonicalApiFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("cloud", "Cloud")]
    [InlineData("legacy", "Legacy")]
    public async Task An_erp_outage_is_a_503_with_retry_after_on_every_route(string backend, string routing)
    {
        var sample = fixture.Sample;
        await using var gateway = await GatewayHost.StartAsync(fixture.Simulator, GatewayHost.RoutedTo(Enum.Parse<Core.Erp.ErpSystem>(routing)));
        await fixture.Simulator.SetFaultsAsync(backend, outage: true, cancellationToken: Ct);
        try
        {
            string[] paths =
            [
                $"v1/products/{sample.Skus[0]}",
                "v1/products?limit=10",
                $"v1/customers/{sample.Customers[0].CustomerId}",
                $"v1/prices?customerId={sample.Customers[0].CustomerId}&sku={sample.Skus[1]}&sku={sample.Skus[2]}",
                $"v1/inventory/{sample.Skus[3]}",
                $"v1/inventory?sku={sample.Skus[4]}&sku={sample.Skus[5]}",
            ];
            foreach (var path in paths)
            {
                using var response = await gateway.Admin.GetAsync(new Uri(path, UriKind.Relative), Ct);
                var problem = await Problem.ReadAsync(response);

                problem.AssertIs(HttpStatusCode.ServiceUnavailable, ProblemTypes.ErpUnavailable);
                Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"{path}: Retry-After in whole seconds, at least 1");
                Assert.DoesNotContain(backend, problem.Body.GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_erp_too_slow_to_answer_is_a_504()
    {
        var settings = new Dictionary<string, string?>(GatewayHost.RoutedTo(Core.Erp.ErpSystem.Cloud))
        {
            ["Erp:Cloud:AttemptTimeout"] = "00:00:00.200",
            ["Erp:Cloud:TotalTimeout"] = "00:00:01",
            ["Erp:Cloud:QueueTimeout"] = "00:00:00.500",
            ["Erp:Cloud:ReadRetries"] = "1",
        };
        await using var gateway = await GatewayHost.StartAsync(fixture.Simulator, settings);
        await fixture.Simulator.SetFaultsAsync("cloud", latencyMs: 3000, cancellationToken: Ct);
        try
        {
            var problem = await Problem.GetAsync(gateway.Admin, $"v1/inventory/{fixture.Sample.Skus[6]}");

            problem.AssertIs(HttpStatusCode.GatewayTimeout, ProblemTypes.ErpTimeout);
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }
}

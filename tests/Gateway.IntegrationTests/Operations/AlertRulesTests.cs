using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Operations;

/// <summary><c>deploy/prometheus/alerts.yml</c> is valid for Prometheus, and each rule fires on what it is for (promtool's own rule tests).</summary>
public sealed class AlertRulesTests
{
    static readonly string Rules = Path.Combine(GatewayProcess.RepositoryRoot(), "deploy", "prometheus");

    [Fact]
    public async Task Alert_rules_pass_promtool_check_rules()
    {
        var (exitCode, output) = await Promtool.RunAsync(Rules, null, "check", "rules", "alerts.yml");

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_rules_fire_on_their_unit_tests_series()
    {
        var (exitCode, output) = await Promtool.RunAsync(Rules, null, "test", "rules", "alerts.test.yml");

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("GatewayErpThrottled")]
    [InlineData("GatewayErpCircuitOpen")]
    [InlineData("GatewayFreshnessAboveObjective")]
    [InlineData("GatewayOrdersStuck")]
    [InlineData("GatewayExceptionQueueGrowing")]
    [InlineData("GatewayRedisUnavailable")]
    public void Every_required_alert_is_defined_and_unit_tested(string alert)
    {
        Assert.Contains("- alert: " + alert, File.ReadAllText(Path.Combine(Rules, "alerts.yml")), StringComparison.Ordinal);
        Assert.Contains("alertname: " + alert, File.ReadAllText(Path.Combine(Rules, "alerts.test.yml")), StringComparison.Ordinal);
    }
}

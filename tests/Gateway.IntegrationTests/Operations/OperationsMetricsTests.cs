using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Hosting;
using Gateway.IntegrationTests.Orders;

namespace Gateway.IntegrationTests.Operations;

/// <summary>
/// The business KPIs on a live <c>/metrics</c>, driven by real orders through the simulated ERP: the exception queue's
/// depth and the operators' actions, orders in each status and stuck, each step's cycle time, the ERP's faults; and the
/// whole scrape passes <c>promtool check metrics</c>.
/// </summary>
[Collection(SharedOperations.Name)]
public sealed class OperationsMetricsTests(OperationsFixture fixture)
{
    readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rejected_order_is_counted_in_the_queue_depth_and_its_replay_among_the_actions()
    {
        var (orderId, sku) = await fixture.PlaceRejectedAsync(customer: 2, sku: 6, _ct);

        await MetricHoldsAsync("gateway_exceptions_open", s => s.Has("exception_category", "ErpRejected") && s.Has("exception_age", "under_5m"), v => v >= 1);
        await MetricHoldsAsync("gateway_orders_in_status", s => s.Has("order_status", "Rejected"), v => v >= 1);

        await fixture.SetItemStatusAsync(sku, "Active", _ct);
        var entry = Assert.Single(await fixture.ExceptionsOfAsync(orderId, _ct)).GetProperty("exceptionId").GetString();
        using var replay = await fixture.Admin.PostAsync($"admin/exceptions/{entry}/replay", null, _ct);
        using var again = await fixture.Admin.PostAsync($"admin/exceptions/{entry}/replay", null, _ct);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await MetricHoldsAsync("gateway_exceptions_actions_total", s => s.Has("exception_action", "replayed") && s.Has("exception_result", "done"), v => v >= 1);
        await MetricHoldsAsync("gateway_exceptions_actions_total", s => s.Has("exception_action", "replayed") && s.Has("exception_result", "not_open"), v => v >= 1);
    }

    [Fact]
    public async Task Order_on_hold_past_its_threshold_is_stuck_on_metrics_and_in_the_console_until_cancelled()
    {
        var customer = fixture.Customers[7].CustomerId;
        await fixture.SetCreditAsync(customer, "Hold", _ct);
        string orderId;
        try
        {
            orderId = await fixture.PlaceAsync(fixture.Body(7, fixture.Skus[8]), customer, _ct);
        }
        finally
        {
            await fixture.SetCreditAsync(customer, "Ok", _ct);
        }

        Assert.Equal("OnHold", await fixture.StatusOfAsync(customer, orderId, _ct));
        await MetricHoldsAsync("gateway_orders_stuck", s => s.Has("order_status", "OnHold"), v => v >= 1);
        var during = await Eventually.WaitForAsync(OverviewAsync, o => StuckOnHold(o).Contains(orderId));
        Assert.True(StuckOnHold(during).Contains(orderId), $"{orderId} not listed: {during.GetProperty("error")} {during.GetProperty("stuck")} {await fixture.StatusOfAsync(customer, orderId, _ct)}");

        var entry = Assert.Single(await fixture.ExceptionsOfAsync(orderId, _ct)).GetProperty("exceptionId").GetString();
        using var cancel = await fixture.Admin.PostAsync($"admin/exceptions/{entry}/cancel", null, _ct);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var after = await Eventually.WaitForAsync(OverviewAsync, o => !StuckOnHold(o).Contains(orderId));
        Assert.True(!StuckOnHold(after).Contains(orderId), $"{orderId} still stuck: {after.GetProperty("at")} {after.GetProperty("error")} {after.GetProperty("stuck")}");
    }

    [Fact]
    public async Task Each_step_of_an_order_to_invoice_is_timed_in_its_histogram()
    {
        var customer = fixture.Customers[9].CustomerId;
        var orderId = await fixture.PlaceAsync(fixture.Body(9, fixture.Skus[10]), customer, _ct);

        await fixture.WaitForStatusAsync(customer, orderId, "Invoiced", _ct);

        foreach (var step in new[] { "accepted_to_submitted", "submitted_to_confirmed", "confirmed_to_shipped", "shipped_to_invoiced" })
        {
            await MetricHoldsAsync("gateway_orders_step_duration_seconds_count", s => s.Has("order_step", step), v => v >= 1);
        }

        // Invoiced is final: the order leaves the status index.
        var inStatus = await SeriesAsync("gateway_orders_in_status");
        Assert.DoesNotContain(inStatus, s => s.Has("order_status", "Invoiced"));
    }

    [Fact]
    public async Task Faults_the_erp_answers_are_counted_and_shown_as_its_last_failure()
    {
        // A simulator and a gateway of their own: the faults open the legacy circuit of every gateway calling that
        // simulator meanwhile (the fixture's polls its change feed), which the fixture's orders must not meet.
        await using var simulator = await SimulatorHost.StartAsync();
        var sample = await simulator.SampleAsync(skus: 1, customers: 1, _ct);
        await using var gateway = await GatewayHost.StartAsync(simulator, new Dictionary<string, string?> { ["Operations:SampleInterval"] = "00:00:00.200" });
        using var client = gateway.ClientFor(TestTokens.Storefront(sample.Customers[0].CustomerId, "catalog:read"));
        await simulator.SetFaultsAsync("legacy", errorRate: 1, cancellationToken: _ct);
        using var answer = await client.GetAsync("v1/products/" + sample.Skus[0], _ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        await simulator.ClearFaultsAsync(_ct);

        var faults = Exposition.Series(await gateway.Client.GetStringAsync(new Uri("metrics", UriKind.Relative), _ct), "gateway_erp_faults_received_total");
        Assert.Contains(faults, s => s.Has("erp_name", "legacy") && Exposition.Value(s) >= 1);
        var legacy = await Eventually.WaitForAsync(
            async () => (await OverviewAsync(gateway.Address)).GetProperty("erps").EnumerateArray().Single(e => e.GetProperty("erp").GetString() == "legacy"),
            erp => erp.GetProperty("faults").GetInt64() >= 1);
        Assert.True(legacy.GetProperty("faults").GetInt64() >= 1);
        Assert.NotEqual(JsonValueKind.Null, legacy.GetProperty("lastFailure").ValueKind);
    }

    [Fact]
    public async Task Live_scrape_passes_promtool_check_metrics()
    {
        // Some traffic first, so that histograms and labelled counters are on the page too.
        var customer = fixture.Customers[11].CustomerId;
        await fixture.PlaceAsync(fixture.Body(11, fixture.Skus[12]), customer, _ct);
        var scrape = await fixture.Gateway.Client.GetStringAsync(new Uri("metrics", UriKind.Relative), _ct);
        Assert.Contains("gateway_erp_circuit_state", scrape, StringComparison.Ordinal);
        Assert.Contains("gateway_events_freshness_objective_seconds", scrape, StringComparison.Ordinal);
        Assert.Contains("gateway_redis_connected", scrape, StringComparison.Ordinal);

        var (exitCode, output) = await Promtool.RunAsync(Path.GetTempPath(), scrape, "check", "metrics");

        Assert.True(exitCode == 0, "promtool check metrics: " + output);
    }

    [Fact]
    public async Task No_operations_series_carries_a_partner_id()
    {
        var partners = (await OverviewAsync()).GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("partnerId").GetString()!).ToList();
        var scrape = await fixture.Gateway.Client.GetStringAsync(new Uri("metrics", UriKind.Relative), _ct);

        Assert.All(partners, id => Assert.DoesNotContain(id, scrape, StringComparison.Ordinal));
        Assert.DoesNotContain("ptn_", scrape, StringComparison.Ordinal);
    }

    async Task<IReadOnlyList<string>> SeriesAsync(string metric) =>
        [.. Exposition.Series(await fixture.Gateway.Client.GetStringAsync(new Uri("metrics", UriKind.Relative), _ct), metric)];

    Task MetricHoldsAsync(string metric, Func<string, bool> series, Func<double, bool> value) =>
        Eventually.HoldsAsync(async () => (await SeriesAsync(metric)).Any(s => series(s) && value(Exposition.Value(s))), _ct);

    static IReadOnlyList<string> StuckOnHold(JsonElement overview) =>
        [.. overview.GetProperty("stuck").EnumerateArray()
            .Where(s => s.GetProperty("status").GetString() == "OnHold")
            .SelectMany(s => s.GetProperty("oldest").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!))];

    /// <summary>The console's overview, as a signed-in operator reads it.</summary>
    Task<JsonElement> OverviewAsync() => OverviewAsync(fixture.Gateway.Address);

    async Task<JsonElement> OverviewAsync(Uri gateway)
    {
        using var session = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = gateway };
        using var signIn = await session.PostAsync("console/api/session", new FormUrlEncodedContent([new("password", TestTokens.AdminToken)]), _ct);
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        return await session.GetFromJsonAsync<JsonElement>("console/api/overview", _ct);
    }
}

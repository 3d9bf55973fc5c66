using System.Net;
using System.Text.Json;
using Gateway.IntegrationTests.Caching;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Hosting;

namespace Gateway.IntegrationTests.Events;

/// <summary><c>POST /events/erp</c>: signature, input errors, replays and order, observed as answers and ERP calls.</summary>
[Collection(CacheSimulator.Name)]
public sealed class WebhookIntakeTests(SimulatorHost simulator) : IAsyncLifetime
{
    CacheTestHost _sut = null!;

    public async ValueTask InitializeAsync() => _sut = await CacheTestHost.StartAsync(simulator);

    public ValueTask DisposeAsync() => _sut.DisposeAsync();

    [Fact]
    public async Task Missing_signature_is_refused_401_as_problem_json()
    {
        using var response = await Webhooks.PostAsync(_sut.Client, Webhooks.Event("inventory.changed", sku: "100001"), signature: null, Webhooks.Timestamp());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Signature_with_another_secret_is_refused_401_and_the_secret_is_not_in_the_answer()
    {
        var body = Webhooks.Event("inventory.changed", sku: "100001");
        var timestamp = Webhooks.Timestamp();
        using var response = await Webhooks.PostAsync(_sut.Client, body, Webhooks.Sign(timestamp, body, "another-secret"), timestamp);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(CacheTestHost.WebhookSecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signature_of_another_body_is_refused_401()
    {
        var signed = Webhooks.Event("inventory.changed", sku: "100001");
        var timestamp = Webhooks.Timestamp();
        using var response = await Webhooks.PostAsync(_sut.Client, Webhooks.Event("inventory.changed", sku: "100002"), Webhooks.Sign(timestamp, signed), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_400_naming_the_body()
    {
        using var response = await Webhooks.PostSignedAsync(_sut.Client, "{ not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).ContainsKey("body"));
    }

    [Fact]
    public async Task Event_without_a_sequence_is_400_naming_it()
    {
        var body = JsonSerializer.Serialize(new { eventId = "e-1", type = "inventory.changed", sku = "100001", occurredAt = DateTimeOffset.UtcNow });
        using var response = await Webhooks.PostSignedAsync(_sut.Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).ContainsKey("sequence"));
    }

    [Fact]
    public async Task Metrics_count_events_by_result_and_time_the_applied_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await simulator.SampleAsync(3, 1, ct)).Skus[2];
        var body = Webhooks.Event("inventory.changed", sku: sku);
        using var first = await Webhooks.PostSignedAsync(_sut.Client, body);
        using var replay = await Webhooks.PostSignedAsync(_sut.Client, body);

        var text = await _sut.Client.GetStringAsync(new Uri("metrics", UriKind.Relative), ct);

        var received = Exposition.Series(text, "gateway_events_ingested_total")
            .Where(s => s.Has("event_source", "webhook") && s.Has("event_type", "inventory.changed")).ToList();
        Assert.Contains(received, s => s.Has("event_result", "applied"));
        Assert.Contains(received, s => s.Has("event_result", "duplicate"));
        Assert.Contains(Exposition.Series(text, "gateway_events_delay_seconds_count"), s => s.Has("event_type", "inventory.changed"));
    }

    [Fact]
    public async Task Replayed_event_is_accepted_once_and_has_no_effect_the_second_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];
        var body = Webhooks.Event("inventory.changed", sku: sku);
        using var first = await Webhooks.PostSignedAsync(_sut.Client, body);
        await _sut.Stock.GetStockAsync([sku], ct);

        await simulator.ResetStatsAsync(ct);
        using var replay = await Webhooks.PostSignedAsync(_sut.Client, body);
        await _sut.Stock.GetStockAsync([sku], ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("duplicate", await replay.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(0, (await simulator.GetStatsAsync(ct)).Cloud.CallsOf("inventory.get"));
    }

    [Fact]
    public async Task Event_older_than_one_applied_is_ignored()
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];
        var newer = Webhooks.NextSequence();
        using var applied = await Webhooks.PostSignedAsync(_sut.Client, Webhooks.Event("inventory.changed", sku: sku, sequence: newer));
        await _sut.Stock.GetStockAsync([sku], ct);

        await simulator.ResetStatsAsync(ct);
        using var older = await Webhooks.PostSignedAsync(_sut.Client, Webhooks.Event("inventory.changed", sku: sku, sequence: newer - 1));
        await _sut.Stock.GetStockAsync([sku], ct);

        Assert.Equal(HttpStatusCode.Accepted, applied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Contains("outdated", await older.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(0, (await simulator.GetStatsAsync(ct)).Cloud.CallsOf("inventory.get"));
    }

    [Fact]
    public async Task Applied_event_makes_the_next_read_ask_the_erp()
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];
        await _sut.Stock.GetStockAsync([sku], ct);

        await simulator.ResetStatsAsync(ct);
        using var response = await Webhooks.PostSignedAsync(_sut.Client, Webhooks.Event("inventory.changed", sku: sku));
        await _sut.Stock.GetStockAsync([sku], ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await simulator.GetStatsAsync(ct)).Cloud.CallsOf("inventory.get"));
    }

    static async Task<Dictionary<string, JsonElement>> ErrorsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return problem.RootElement.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }
}

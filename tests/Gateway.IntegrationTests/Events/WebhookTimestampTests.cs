using System.Net;
using Gateway.IntegrationTests.Caching;
using Gateway.IntegrationTests.CanonicalApi;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.Extensions.Options;

namespace Gateway.IntegrationTests.Events;

/// <summary>
/// <c>X-Erp-Timestamp</c>: a webhook is signed with the time it is sent and refused outside the tolerance (default
/// 5 minutes) either way, so a captured one cannot be delivered again later; the body-only form only when allowed.
/// </summary>
[Collection(CacheSimulator.Name)]
public sealed class WebhookTimestampTests(SimulatorHost simulator) : IAsyncLifetime
{
    const string SignatureProblem = "https://gateway.example/problems/webhook-signature";
    const string TimestampProblem = "https://gateway.example/problems/webhook-timestamp";
    static readonly TimeSpan BeyondTolerance = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(30);

    CacheTestHost _sut = null!;

    public async ValueTask InitializeAsync() => _sut = await CacheTestHost.StartAsync(simulator);

    public ValueTask DisposeAsync() => _sut.DisposeAsync();

    [Fact]
    public async Task Freshly_timestamped_event_is_applied()
    {
        var delivered = await DeliverAsync(_sut, body => Webhooks.PostSignedAsync(_sut.Client, body));

        Assert.Equal(HttpStatusCode.Accepted, delivered.Status);
        Assert.Equal(1, delivered.ErpCalls);
    }

    [Fact]
    public async Task Event_signed_longer_ago_than_the_tolerance_is_refused_and_not_applied()
    {
        var eventId = Guid.NewGuid().ToString();
        var delivered = await DeliverAsync(_sut, body => PostSignedAtAsync(body, Webhooks.Timestamp(BeyondTolerance)), eventId);
        Assert.IsType<Problem>(delivered.Problem).AssertIs(HttpStatusCode.Unauthorized, TimestampProblem);
        Assert.Equal(0, delivered.ErpCalls);

        // Nothing was recorded either: the same event, signed now, is new to the gateway.
        var fresh = await DeliverAsync(_sut, body => Webhooks.PostSignedAsync(_sut.Client, body), eventId);
        Assert.Equal(HttpStatusCode.Accepted, fresh.Status);
    }

    [Fact]
    public async Task Event_timestamped_further_ahead_than_the_tolerance_is_refused()
    {
        var delivered = await DeliverAsync(_sut, body => PostSignedAtAsync(body, Webhooks.Timestamp(-BeyondTolerance)));

        Assert.IsType<Problem>(delivered.Problem).AssertIs(HttpStatusCode.Unauthorized, TimestampProblem);
        Assert.Equal(0, delivered.ErpCalls);
    }

    [Fact]
    public async Task Signature_over_another_timestamp_than_the_header_is_refused()
    {
        var delivered = await DeliverAsync(_sut, body =>
            Webhooks.PostAsync(_sut.Client, body, Webhooks.Sign(Webhooks.Timestamp(TimeSpan.FromSeconds(60)), body), Webhooks.Timestamp()));

        Assert.IsType<Problem>(delivered.Problem).AssertIs(HttpStatusCode.Unauthorized, SignatureProblem);
        Assert.Equal(0, delivered.ErpCalls);
    }

    [Fact]
    public async Task Body_only_signature_under_a_fresh_timestamp_is_refused()
    {
        // A webhook captured before the migration, given a new X-Erp-Timestamp: the signature must cover the timestamp.
        var delivered = await DeliverAsync(_sut, body => Webhooks.PostAsync(_sut.Client, body, Webhooks.SignBodyOnly(body), Webhooks.Timestamp()));

        Assert.IsType<Problem>(delivered.Problem).AssertIs(HttpStatusCode.Unauthorized, SignatureProblem);
        Assert.Equal(0, delivered.ErpCalls);
    }

    [Fact]
    public async Task Body_only_signature_is_refused_by_default()
    {
        var delivered = await DeliverAsync(_sut, body => Webhooks.PostAsync(_sut.Client, body, Webhooks.SignBodyOnly(body), timestamp: null));

        Assert.IsType<Problem>(delivered.Problem).AssertIs(HttpStatusCode.Unauthorized, SignatureProblem);
        Assert.Equal(0, delivered.ErpCalls);
    }

    [Fact]
    public async Task Body_only_signature_is_accepted_while_untimestamped_webhooks_are_allowed()
    {
        await using var migrating = await CacheTestHost.StartAsync(simulator, settings: "Events:AcceptUntimestampedWebhooks=true");

        var delivered = await DeliverAsync(migrating, body =>
            Webhooks.PostAsync(migrating.Client, body, Webhooks.SignBodyOnly(body), timestamp: null));

        Assert.Equal(HttpStatusCode.Accepted, delivered.Status);
        Assert.Equal(1, delivered.ErpCalls);
    }

    [Fact]
    public async Task Tolerance_longer_than_half_the_replay_window_stops_the_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CacheTestHost.StartAsync(simulator, settings: ["Events:WebhookTolerance=00:10:00", "Events:ReplayWindow=00:15:00"]));

        Assert.Contains("Events:WebhookTolerance", failure.Message, StringComparison.Ordinal);
    }

    Task<HttpResponseMessage> PostSignedAtAsync(string body, string timestamp) =>
        Webhooks.PostAsync(_sut.Client, body, Webhooks.Sign(timestamp, body), timestamp);

    /// <summary>
    /// Caches a SKU's stock, delivers an <c>inventory.changed</c> for it with <paramref name="post"/>, and reads it again:
    /// the answer's status and problem, and how many times that read asked the ERP (1 when the event was applied, 0 when not).
    /// </summary>
    async Task<Delivered> DeliverAsync(
        CacheTestHost gateway, Func<string, Task<HttpResponseMessage>> post, string? eventId = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await simulator.SampleAsync(4, 1, ct)).Skus[3];
        await gateway.Stock.GetStockAsync([sku], ct);

        await simulator.ResetStatsAsync(ct);
        var body = Webhooks.Event("inventory.changed", sku: sku, eventId: eventId);
        using var response = await post(body);
        var problem = response.IsSuccessStatusCode ? null : await Problem.ReadAsync(response);
        await gateway.Stock.GetStockAsync([sku], ct);

        return new(response.StatusCode, problem, (await simulator.GetStatsAsync(ct)).Cloud.CallsOf("inventory.get"));
    }

    sealed record Delivered(HttpStatusCode Status, Problem? Problem, long ErpCalls);
}

using System.Net;
using Gateway.Edge;
using Gateway.IntegrationTests.Fixtures;
using Gateway.Orders.Intake;
using StackExchange.Redis;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders;

// The Idempotency-Key rules: a repeat replays the first answer, another body under the key is refused, a race of
// repeats creates one order, and the ERP ends up with exactly one sales order per key.
[Collection(SharedOrders.Name)]
public sealed class IdempotencyTests(OrdersFixture fixture)
{
    readonly HttpClient _gateway = fixture.Gateway.Client;
    readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    string Token => TokenFor(fixture.Customers[0].CustomerId);

    [Fact]
    public async Task Same_key_and_body_replays_the_first_answer()
    {
        var key = OrderBodies.NewKey();
        using var first = await PostOrderAsync(_gateway, Token, key, OrderBodies.Valid(fixture), _ct);
        using var repeat = await PostOrderAsync(_gateway, Token, key, OrderBodies.Valid(fixture), _ct);

        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(_ct), await repeat.Content.ReadAsStringAsync(_ct));
    }

    [Fact]
    public async Task Same_body_written_differently_is_the_same_request()
    {
        var key = OrderBodies.NewKey();
        var (sku, pack) = fixture.Skus[0];
        var customer = fixture.Customers[0];
        var compact = $$"""{"customerId":"{{customer.CustomerId}}","shipToId":"{{customer.ShipToIds[0]}}","lines":[{"sku":"{{sku}}","quantity":{{pack}},"unitPrice":5.5}]}""";
        var spacedAndReordered = $$"""
            { "lines": [ { "unitPrice": 5.50, "quantity": {{pack}}, "sku": "{{sku}}" } ],
              "shipToId": "{{customer.ShipToIds[0]}}", "customerId": "{{customer.CustomerId}}" }
            """;

        using var first = await PostOrderAsync(_gateway, Token, key, compact, _ct);
        using var repeat = await PostOrderAsync(_gateway, Token, key, spacedAndReordered, _ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
    }

    [Fact]
    public async Task Same_key_with_another_body_is_422()
    {
        var key = OrderBodies.NewKey();
        using var first = await PostOrderAsync(_gateway, Token, key, OrderBodies.Valid(fixture, lines: 1), _ct);
        using var other = await PostOrderAsync(_gateway, Token, key, OrderBodies.Valid(fixture, lines: 2), _ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Idempotency-Key", await OrderBodies.ErrorFieldsAsync(other, _ct));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var key = OrderBodies.NewKey();
        using var mine = await PostOrderAsync(_gateway, Token, key, OrderBodies.Valid(fixture, customer: 0), _ct);
        using var theirs = await PostOrderAsync(_gateway, TokenFor(fixture.Customers[1].CustomerId, app: "another-storefront"), key, OrderBodies.Valid(fixture, customer: 1), _ct);

        Assert.Equal(HttpStatusCode.Accepted, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, theirs.StatusCode);
        Assert.NotEqual(mine.Headers.Location, theirs.Headers.Location);
    }

    [Fact]
    public async Task A_colon_moved_between_the_subject_and_the_key_never_replays_another_callers_order()
    {
        var key = OrderBodies.NewKey();
        var victimsOrder = OrderBodies.Valid(fixture, customer: 0);
        using var victim = await PostOrderAsync(_gateway, TokenFor(fixture.Customers[0].CustomerId, app: "shop:" + key[..4]), key[4..], victimsOrder, _ct);

        // The same body, by an app of another customer whose subject and key join to the same "app:shop:<key>".
        using var attacker = await PostOrderAsync(_gateway, TokenFor(fixture.Customers[1].CustomerId, app: "shop"), key[..4] + ":" + key[4..], victimsOrder, _ct);

        Assert.Equal(HttpStatusCode.Accepted, victim.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, attacker.StatusCode);
        Assert.DoesNotContain(victim.Headers.Location!.ToString(), await attacker.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replay_by_a_caller_that_no_longer_acts_for_the_orders_customer_is_404_like_any_foreign_customer()
    {
        var key = OrderBodies.NewKey();
        var body = OrderBodies.Valid(fixture, customer: 0);
        using var placed = await PostOrderAsync(_gateway, TokenFor(fixture.Customers[0].CustomerId, app: "moved-shop"), key, body, _ct);

        // The same app (same subject, same key, same body) now holds a token for another customer only.
        using var replay = await PostOrderAsync(_gateway, TokenFor(fixture.Customers[1].CustomerId, app: "moved-shop"), key, body, _ct);
        using var fresh = await PostOrderAsync(_gateway, TokenFor(fixture.Customers[1].CustomerId, app: "moved-shop"), OrderBodies.NewKey(), body, _ct);

        Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Equal(Answer(fresh.StatusCode, await fresh.Content.ReadAsStringAsync(_ct)), Answer(replay.StatusCode, await replay.Content.ReadAsStringAsync(_ct)));
    }

    [Fact]
    public async Task One_caller_uses_one_key_for_two_customers_independently()
    {
        var key = OrderBodies.NewKey();
        var partner = TestTokens.Storefront(fixture.Customers[0].CustomerId, [Scopes.OrdersWrite], TimeSpan.FromMinutes(10), subject: "two-accounts");
        var other = TestTokens.Storefront(fixture.Customers[1].CustomerId, [Scopes.OrdersWrite], TimeSpan.FromMinutes(10), subject: "two-accounts");

        using var first = await PostOrderAsync(_gateway, partner, key, OrderBodies.Valid(fixture, customer: 0), _ct);
        using var second = await PostOrderAsync(_gateway, other, key, OrderBodies.Valid(fixture, customer: 1), _ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
    }

    /// <summary>Status and body with the per-request trace id left out.</summary>
    static string Answer(HttpStatusCode status, string body) =>
        $"{(int)status} {System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "")}";

    [Fact]
    public async Task Refused_request_leaves_its_key_free_for_the_corrected_one()
    {
        var key = OrderBodies.NewKey();
        var broken = new { customerId = fixture.Customers[0].CustomerId, shipToId = fixture.Customers[0].ShipToIds[0], lines = new[] { new { sku = "999999", quantity = 1 } } };

        using var refused = await PostOrderAsync(_gateway, Token, key, broken, _ct);
        using var corrected = await PostOrderAsync(_gateway, Token, key, OrderBodies.Valid(fixture), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, corrected.StatusCode);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_one_order_and_one_sales_order()
    {
        var key = OrderBodies.NewKey();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await PostOrderAsync(_gateway, Token, key, OrderBodies.Valid(fixture), _ct);
            return (response.StatusCode, Location: response.Headers.Location?.OriginalString);
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        var location = Assert.Single(answers.Select(a => a.Location).Distinct());
        var orderId = location!.Split('/')[^1];
        await Eventually.HoldsAsync(async () => (await ErpOrdersAsync(fixture.Simulator, orderId, _ct)).Count == 1, _ct);
        Assert.Single(await ErpOrdersAsync(fixture.Simulator, orderId, _ct));
    }

    [Fact]
    public async Task Keys_are_kept_for_at_least_a_day()
    {
        var key = OrderBodies.NewKey();
        using var placed = await PostOrderAsync(_gateway, Token, key, OrderBodies.Valid(fixture), _ct);
        Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var scoped = IdempotencyKey.Scoped("app:storefront-test", fixture.Customers[0].CustomerId, key);
        var stored = await server.KeysAsync(pattern: $"*idempotency:{scoped}").SingleAsync(_ct);
        var lifetime = await redis.GetDatabase().KeyTimeToLiveAsync(stored);

        Assert.True(lifetime >= TimeSpan.FromHours(23.9), $"the key lives {lifetime}");
    }
}

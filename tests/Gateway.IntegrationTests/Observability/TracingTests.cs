using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gateway.Edge;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Gateway.IntegrationTests.Observability;

/// <summary>
/// Traces of a realistic flow through one in-process gateway on Redis and the simulator: a partner's reads with its key,
/// a storefront's prices, order and GraphQL query with its JWT. Each request carries the test's own <c>traceparent</c>,
/// so every span of the flow is found by trace id; spans are read from an in-memory exporter added beside the OTLP one
/// (which exports to a real receiver, as configured by <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
/// </summary>
public sealed partial class TracingTests : IAsyncLifetime
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    readonly RedisServer _redis = new();
    readonly List<Activity> _exported = [];
    readonly HashSet<string> _traces = [];
    SimulatorHost _simulator = null!;
    OtlpReceiver _receiver = null!;
    GatewayHost _gateway = null!;

    /// <summary>
    /// A client that sends the test's <c>traceparent</c> as it is: this process listens to HttpClient's spans too (the
    /// in-process gateway's tracer does), and the default propagation would replace it with the client span's.
    /// </summary>
    HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await _redis.StartAsync();
        _simulator = await SimulatorHost.StartAsync();
        _receiver = await OtlpReceiver.StartAsync();
        var settings = new Dictionary<string, string?>(_receiver.GatewaySettings)
        {
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
            ["Orders:HandOffPollInterval"] = "00:00:00.050",
            ["Webhooks:AllowInsecureTargets"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.100",
        };
        _gateway = await GatewayHost.StartAsync(new GatewayHostOptions
        {
            Simulator = _simulator,
            Settings = settings,
            Services = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_exported)),
        });
        _client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = _gateway.Address };
    }

    [Fact]
    public async Task Requests_are_traced_end_to_end_and_no_span_carries_a_credential_a_price_or_a_payload()
    {
        var sample = await _simulator.SampleAsync(skus: 3, customers: 5, _ct);
        var customer = sample.Customers.First(c => c.CreditStatus == "Ok");
        var admin = new AdminClient(_gateway.Client);
        var partnerId = await admin.CreatePartnerAsync([Scopes.CatalogRead, Scopes.PricingRead], [customer.CustomerId]);
        var (_, partnerKey) = await admin.IssueKeyAsync(partnerId);
        var jwt = TestTokens.Storefront(customer.CustomerId, [Scopes.CatalogRead, Scopes.PricingRead, Scopes.OrdersWrite, Scopes.OrdersRead]);
        var (sku, pack) = (await OrdersFixture.PackSizesAsync(_simulator, sample.Skus))[0];

        // A partner's first read misses the cache and asks the ERP; the storefront's read of the same product is a hit.
        var (missTrace, missParent, _) = await SendAsync(HttpMethod.Get, $"v1/products/{sku}", key: partnerKey);
        var (hitTrace, _, _) = await SendAsync(HttpMethod.Get, $"v1/products/{sku}", bearer: jwt);
        var (_, _, pricesAnswer) = await SendAsync(HttpMethod.Get, $"v1/prices?customerId={customer.CustomerId}&sku={sample.Skus[0]}&sku={sample.Skus[1]}", bearer: jwt);
        var prices = JsonSerializer.Deserialize<JsonElement>(pricesAnswer);
        const string poMarker = "PO-MUST-NOT-BE-TRACED-7731";
        var orderBody = JsonSerializer.Serialize(new
        {
            customerId = customer.CustomerId,
            shipToId = customer.ShipToIds[0],
            poNumber = poMarker,
            lines = new[] { new { sku, quantity = pack * 7, unitPrice = 0.37m } },
        }, Json);
        var (orderTrace, _, _) = await SendAsync(HttpMethod.Post, "v1/orders", bearer: jwt, body: orderBody, idempotencyKey: Guid.NewGuid().ToString("N"));
        var query = JsonSerializer.Serialize(new { query = $"{{ product(sku: \"{sample.Skus[2]}\") {{ name }} }}" }, Json);
        var (graphQLTrace, _, _) = await SendAsync(HttpMethod.Post, "graphql", bearer: jwt, body: query);

        var spans = await Eventually.WaitForAsync(
            () => Task.FromResult(Ours()),
            s => s.Any(a => a.DisplayName == "order hand-off") && s.Any(a => a.GetTagItem("db.system") is "redis"),
            seconds: 20);

        // The inbound request continues the caller's trace; the edge's decision is on its span, never the key.
        var missRequest = Server(spans, missTrace);
        Assert.Equal(missParent, missRequest.ParentSpanId.ToHexString());
        Assert.Equal("Partner", missRequest.GetTagItem("gateway.caller.kind"));
        Assert.Equal("partner:" + partnerId, missRequest.GetTagItem("gateway.caller.id"));
        Assert.Equal("admitted", missRequest.GetTagItem("gateway.limit.outcome"));
        Assert.Equal("StorefrontApp", Server(spans, hitTrace).GetTagItem("gateway.caller.kind"));

        // Cache lookups are spans of the request, per region, with their result; the miss's ERP call is beneath it.
        var missLookup = Assert.Single(spans, s => s.DisplayName == "cache product" && s.TraceId.ToHexString() == missTrace);
        Assert.Equal(missRequest.SpanId, missLookup.ParentSpanId);
        Assert.Equal("miss", missLookup.GetTagItem("cache.result"));
        Assert.Equal(1, missLookup.GetTagItem("cache.misses"));
        var erpCall = Assert.Single(spans, s => s.Source.Name == "Gateway.Erp" && s.ParentSpanId == missLookup.SpanId);
        Assert.Contains(erpCall.Events, e => e.Name == "erp.budget");
        Assert.Contains(spans, s => s.ParentSpanId == erpCall.SpanId && s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http");
        var hitLookup = Assert.Single(spans, s => s.DisplayName == "cache product" && s.TraceId.ToHexString() == hitTrace);
        Assert.Equal("hit", hitLookup.GetTagItem("cache.result"));
        Assert.DoesNotContain(spans, s => s.Source.Name == "Gateway.Erp" && s.TraceId.ToHexString() == hitTrace);

        // GraphQL's execution is a span of its request, with the loaders' lookups beneath it.
        var execute = Assert.Single(spans, s => s.DisplayName == "graphql execute" && s.TraceId.ToHexString() == graphQLTrace);
        Assert.Equal(Server(spans, graphQLTrace).SpanId, execute.ParentSpanId);
        Assert.Equal("query", execute.GetTagItem("graphql.operation.type"));
        Assert.Contains(spans, s => s.DisplayName == "cache product" && s.ParentSpanId == execute.SpanId);

        // The order's hand-off continues the POST's trace; Redis commands are spans too.
        var handOff = Assert.Single(spans, s => s.DisplayName == "order hand-off" && s.TraceId.ToHexString() == orderTrace);
        Assert.Equal(Server(spans, orderTrace).SpanId, handOff.ParentSpanId);
        Assert.Contains(spans, s => s.GetTagItem("db.system") is "redis" && s.TraceId.ToHexString() == missTrace);

        // No attribute of any span of the flow (events and links included) carries a credential, a price or a payload.
        var secrets = new[] { partnerKey, jwt, TestTokens.AdminToken, TestTokens.SigningKey, poMarker, orderBody, query, "unitPrice", "listPrice" };
        var priceValues = prices.GetProperty("items").EnumerateArray()
            .SelectMany(i => new[] { i.GetProperty("unitPrice").GetDecimal(), i.GetProperty("listPrice").GetDecimal() })
            .Append(0.37m)
            .ToHashSet();
        Assert.True(priceValues.Count >= 3, "The flow read real prices.");
        var values = spans.SelectMany(Values).ToList();
        Assert.True(values.Count > 100, "The walk saw the flow's attributes.");
        foreach (var (span, name, value) in values)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            Assert.DoesNotContain(secrets, secret => text.Contains(secret, StringComparison.Ordinal));
            Assert.False(
                value is string ? priceValues.Any(p => Regex.IsMatch(text, $@"(?<![\d.]){Regex.Escape(p.ToString(CultureInfo.InvariantCulture))}(?!\d)")) : IsPrice(value, priceValues),
                $"Span '{span}' attribute '{name}' = '{text}' looks like a price of the flow.");
        }
    }

    [Fact]
    public async Task A_webhook_delivery_leaves_no_span_naming_the_partners_url()
    {
        await using var receiver = await ChannelEvents.WebhookReceiver.StartAsync();
        var sample = await _simulator.SampleAsync(skus: 1, customers: 5, _ct);
        var customer = sample.Customers.First(c => c.CreditStatus == "Ok");
        var admin = new AdminClient(_gateway.Client);
        var partnerId = await admin.CreatePartnerAsync([Scopes.OrdersRead], [customer.CustomerId]);
        var url = receiver.UrlFor("traced-" + Guid.NewGuid().ToString("N"));
        using (var created = await admin.SendAsync(HttpMethod.Post, $"/admin/partners/{partnerId}/webhooks", new { url, events = new[] { "order.status_changed" } }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        var (sku, pack) = (await OrdersFixture.PackSizesAsync(_simulator, sample.Skus))[0];
        var jwt = TestTokens.Storefront(customer.CustomerId, [Scopes.OrdersWrite]);
        var body = JsonSerializer.Serialize(new { customerId = customer.CustomerId, shipToId = customer.ShipToIds[0], lines = new[] { new { sku, quantity = pack } } }, Json);
        await SendAsync(HttpMethod.Post, "v1/orders", bearer: jwt, body: body, idempotencyKey: Guid.NewGuid().ToString("N"));
        var name = new Uri(url).Segments[^1];
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Delivered(name).Count >= 2), _ct, seconds: 20);

        List<Activity> all;
        lock (_exported)
        {
            all = [.. _exported];
        }

        // The receiver is a server in this process too: its own spans of the deliveries are the partner's, not the gateway's.
        all = [.. all.Where(s => !(s.Kind == ActivityKind.Server && s.DisplayName.Contains("/hooks/", StringComparison.Ordinal)))];
        var port = new Uri(url).Port.ToString(CultureInfo.InvariantCulture);
        Assert.Contains(all, s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http");
        Assert.DoesNotContain(all, s => s.TagObjects.Any(t => Convert.ToString(t.Value, CultureInfo.InvariantCulture) is { } v
            && (v.Contains(name, StringComparison.Ordinal) || (t.Key.Contains("port", StringComparison.Ordinal) && v == port))));
    }

    static bool IsPrice(object? value, HashSet<decimal> prices) => value switch
    {
        double d => prices.Contains((decimal)d),
        decimal m => prices.Contains(m),
        _ => false,
    };

    static IEnumerable<(string Span, string Name, object? Value)> Values(Activity span) =>
        span.TagObjects.Select(t => (span.DisplayName, t.Key, t.Value))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => (span.DisplayName, e.Name + "." + t.Key, t.Value))))
            .Concat(span.Links.SelectMany(l => (l.Tags ?? []).Select(t => (span.DisplayName, "link." + t.Key, t.Value))))
            .Append((span.DisplayName, "name", (object?)span.DisplayName));

    /// <summary>The gateway's span of the request the test sent: the server span whose parent is the test's (the simulator's are beneath the gateway's).</summary>
    static Activity Server(List<Activity> spans, string traceId) =>
        Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.TraceId.ToHexString() == traceId && !spans.Any(p => p.SpanId == s.ParentSpanId));

    /// <summary>The spans of the test's traces, and the traces linked to them (an order's status checks).</summary>
    List<Activity> Ours()
    {
        List<Activity> all;
        lock (_exported)
        {
            all = [.. _exported];
        }

        var linked = all.Where(a => a.Links.Any(l => _traces.Contains(l.Context.TraceId.ToHexString()))).Select(a => a.TraceId).ToHashSet();
        return [.. all.Where(a => _traces.Contains(a.TraceId.ToHexString()) || linked.Contains(a.TraceId))];
    }

    /// <summary>Sends one request in a trace of the test's own; returns the trace, the caller's span and the answer's body.</summary>
    async Task<(string TraceId, string ParentSpanId, string Body)> SendAsync(HttpMethod method, string path, string? key = null, string? bearer = null, string? body = null, string? idempotencyKey = null)
    {
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        var parent = ActivitySpanId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("traceparent", $"00-{trace}-{parent}-01");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        _traces.Add(trace);
        using var response = await _client.SendAsync(request, _ct);
        var answer = await response.Content.ReadAsStringAsync(_ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {answer}");
        return (trace, parent, answer);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        await _receiver.DisposeAsync();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }
}

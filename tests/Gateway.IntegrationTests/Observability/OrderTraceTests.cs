using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Observability;

/// <summary>
/// The "Done when": one order's trace from <c>POST /v1/orders</c> to the ERP's confirmation, exported over OTLP
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>http/protobuf</c>) by real gateway processes to a real receiver, across the
/// durable hand-off: the instance that accepted the order is killed before the ERP can take it, and the instance that
/// submits it after the restart records its spans in the accepting request's trace.
/// </summary>
public sealed class OrderTraceTests : IAsyncLifetime
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    readonly RedisServer _redis = new();
    SimulatorHost _simulator = null!;
    OtlpReceiver _receiver = null!;

    public async ValueTask InitializeAsync()
    {
        await _redis.StartAsync(appendOnly: true);
        _simulator = await SimulatorHost.StartAsync(SimulatorSettings(orderStepMs: 300, cloudRequestsPerSecond: 200));
        _receiver = await OtlpReceiver.StartAsync();
    }

    [Fact]
    public async Task Order_trace_runs_from_the_post_through_a_restart_to_the_erps_confirmation()
    {
        var sample = await _simulator.SampleAsync(skus: 4, customers: 10, _ct);
        var skus = await PackSizesAsync(_simulator, sample.Skus);
        var customer = sample.Customers.First(c => c.CreditStatus == "Ok");
        var settings = Settings();

        // The caller's own trace: the gateway continues it (W3C traceparent), sampled as the caller decided.
        var callerTrace = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpan = ActivitySpanId.CreateRandom().ToHexString();
        string orderId;
        await _simulator.SetFaultsAsync("cloud", outage: true, cancellationToken: _ct);
        await using (var first = await GatewayProcess.StartAsync(settings, _ct))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/orders")
            {
                Content = JsonContent(new
                {
                    customerId = customer.CustomerId,
                    shipToId = customer.ShipToIds[0],
                    lines = skus.Take(2).Select(s => new { sku = s.Sku, quantity = s.PackSize }).ToArray(),
                }),
            };
            request.Headers.Authorization = new("Bearer", TokenFor(customer.CustomerId));
            request.Headers.Add("Idempotency-Key", OrderBodies.NewKey());
            request.Headers.Add("traceparent", $"00-{callerTrace}-{callerSpan}-01");
            using var accepted = await first.Client.SendAsync(request, _ct);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            orderId = (await OrderBodies.ReadOrderAsync(accepted, _ct)).OrderId;

            // The POST's span is exported before the instance dies; its hand-off, waiting out the outage, never ends there.
            await Eventually.WaitForAsync(() => Task.FromResult(_receiver.InTrace(callerTrace).ToList()), s => s.Any(IsOrderPost), seconds: 20);
            first.Kill();
        }

        await _simulator.ClearFaultsAsync(_ct);
        await using var second = await GatewayProcess.StartAsync(settings, _ct);
        var spans = await Eventually.WaitForAsync(
            () => Task.FromResult(_receiver.Spans.ToList()),
            s => s.Any(span => span.Name == "order status" && span.Links.Any(l => l.TraceId == callerTrace) && span.Attributes.GetValueOrDefault("order.status") == "Invoiced"),
            seconds: 40);

        var trace = spans.Where(s => s.TraceId == callerTrace).ToList();
        var post = Assert.Single(trace, IsOrderPost);
        Assert.Equal(callerSpan, post.ParentSpanId);
        Assert.Equal(orderId, post.Attributes["order.id"]);
        Assert.Equal("StorefrontApp", post.Attributes["gateway.caller.kind"]);
        Assert.Equal("admitted", post.Attributes["gateway.limit.outcome"]);

        // Submitted by the second instance, in the first one's trace, as a child of the request that accepted the order.
        var handOff = Assert.Single(trace, s => s.Name == "order hand-off" && s.Resource["service.instance.id"] != post.Resource["service.instance.id"]);
        Assert.Equal(post.SpanId, handOff.ParentSpanId);
        Assert.Equal(orderId, handOff.Attributes["order.id"]);
        // The ERP confirms an order as it creates it: its answer to the submission is the confirmation.
        Assert.Equal("Confirmed", handOff.Attributes["order.status"]);
        var submit = Assert.Single(trace, s => s.Name == "erp orders.submit" && s.ParentSpanId == handOff.SpanId);
        Assert.Equal("cloud", submit.Attributes["erp.name"]);
        Assert.Equal("ok", submit.Attributes["erp.outcome"]);
        Assert.Contains(submit.Events, e => e.Name == "erp.budget" && e.Attributes["erp.budget.granted"] == "True");
        // One HTTP request per attempt: a slow machine may make the pipeline try again.
        var wire = trace.Where(s => s.ParentSpanId == submit.SpanId && s.Attributes.ContainsKey("http.request.method")).ToList();
        Assert.NotEmpty(wire);
        Assert.All(wire, w => Assert.Equal("POST", w.Attributes["http.request.method"]));
        Assert.Contains(trace, s => s.Attributes.GetValueOrDefault("db.system") == "redis" && s.ParentSpanId == handOff.SpanId);

        // What the ERP did later is a trace of its own, linked to the order's: the invoice among them.
        var invoiced = spans.First(s => s.Name == "order status" && s.Links.Any(l => l.TraceId == callerTrace) && s.Attributes["order.status"] == "Invoiced");
        Assert.NotEqual(callerTrace, invoiced.TraceId);
        Assert.Equal((callerTrace, post.SpanId), Assert.Single(invoiced.Links));
        Assert.Equal(orderId, invoiced.Attributes["order.id"]);
        Assert.Contains(invoiced.Events, e => e.Name == "order.status_changed" && e.Attributes["order.status"] == "Invoiced");
        Assert.Contains(spans, s => s.TraceId == invoiced.TraceId && s.Name == "erp orders.find" && s.ParentSpanId == invoiced.SpanId);

        // Every export was OTLP over HTTP with protobuf bodies.
        Assert.NotEmpty(_receiver.ContentTypes);
        Assert.All(_receiver.ContentTypes, type => Assert.Equal("application/x-protobuf", type));

        // The order's admin view names the trace an operator looks for.
        using var view = await AdminAsync(second.Client, HttpMethod.Get, "admin/orders/" + orderId, _ct);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal(callerTrace, (await OrderBodies.ReadJsonAsync(view, _ct)).GetProperty("traceId").GetString());
    }

    static bool IsOrderPost(ReceivedSpan span) =>
        span.Kind == 2 && span.Attributes.GetValueOrDefault("http.request.method") == "POST" && span.Attributes.GetValueOrDefault("http.route") == "/v1/orders/";

    Dictionary<string, string?> Settings()
    {
        var settings = GatewaySettings(_redis, _simulator, cloudRequestsPerSecond: 200);
        foreach (var (key, value) in _receiver.GatewaySettings)
        {
            settings[key] = value;
        }

        return settings;
    }

    static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, Json), System.Text.Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }
}

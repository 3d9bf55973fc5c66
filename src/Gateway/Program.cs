using Gateway.Admin;
using Gateway.Caching;
using Gateway.CanonicalApi;
using Gateway.ChannelEvents;
using Gateway.Edge;
using Gateway.Edge.Proxy;
using Gateway.Erp;
using Gateway.Events;
using Gateway.GraphQL;
using Gateway.Hosting;
using Gateway.Hosting.Shutdown;
using Gateway.Observability;
using Gateway.Operations;
using Gateway.Orders;
using Gateway.Orders.Exceptions;
using Gateway.Pricing;
using Gateway.Versions;
using Gateway.Versions.Usage;

var builder = WebApplication.CreateBuilder(args);
builder.AddGatewayDefaults();        // options of the contract, problem details, health, correlation
builder.AddGatewayTracing();         // OTLP traces when OTEL_EXPORTER_OTLP_ENDPOINT is set; nothing listens otherwise
builder.AddGracefulShutdown();       // on SIGTERM: not ready at once, a drain, then an ordered stop
builder.Services.AddErpConnectors(builder.Configuration);
builder.AddCanonicalCaching();       // after the connectors: it decorates their ports
builder.AddPricing();                // quotes composed from the cached price parts
builder.AddErpEvents();              // webhooks, legacy change feed, invalidation on every instance
builder.AddCanonicalApi();           // /v1 and /v2 services, error mapping, OpenAPI
builder.AddApiVersions();            // deprecation and sunset from configuration, usage per version and caller
builder.AddEdge();                   // request limits, authentication, partner keys, plans and limits
builder.AddAdminApi();               // partners and keys, audit
builder.AddEdgeProxy();              // YARP routes, the governed ERP pass-through
builder.AddOrderOrchestration();     // intake, hand-off workers, status poller, exception queue
builder.AddChannelWebhooks();        // events out to the channels: subscriptions, production, durable delivery
builder.AddGatewayGraphQL();
builder.AddOperations();             // after the features it reads: KPIs from the stores, the console's sign-in

var app = builder.Build();
app.UseGatewayDefaults();            // first: every answer, errors included, carries X-Correlation-Id
app.UseGracefulShutdown();           // while draining, answers close their connection
app.UseEdge();                       // before the endpoints: they need the caller and its plan
app.UseApiVersions();                // after the edge: the caller is known; before kept answers: cached reads get the headers and are counted
app.UseCanonicalCacheHeaders();      // after the edge: refused requests are never hashed, a 304 only answers an allowed request
app.MapGatewayHealth();
app.MapGatewayMetrics();             // /metrics (Prometheus): answers, cache lookups, ERP calls, change events, orders
app.MapErpEvents();
app.MapCanonicalApi();               // /v1 and /v2: products, customers, prices, inventory, orders (v1), me
app.MapGatewayGraphQL();
app.MapAdminApi();                   // /admin: partners, keys, audit
app.MapExceptionEndpoints();         // /admin/exceptions: the order exception queue
app.MapOrderAdminEndpoints();        // /admin/orders/{orderId}: an order as operators see it, with its trace id
app.MapOperationsConsole();          // /console: the operations console and its API
app.MapChannelWebhooks();            // /admin/partners/{partnerId}/webhooks, /admin/webhooks/…: endpoints, dead letters
app.MapApiUsage();                   // /admin/usage: who called which version or deprecated field
app.MapEdgeProxy();                  // last: YARP's configured routes and /erp/cloud/**
app.Run();

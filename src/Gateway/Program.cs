using Gateway.Caching;
using Gateway.CanonicalApi;
using Gateway.Edge;
using Gateway.Erp;
using Gateway.Events;
using Gateway.GraphQL;
using Gateway.Hosting;
using Gateway.Orders;
using Gateway.Pricing;

var builder = WebApplication.CreateBuilder(args);
builder.AddGatewayDefaults();        // options of the contract, problem details, health, correlation
builder.Services.AddErpConnectors(builder.Configuration);
builder.AddCanonicalCaching();       // after the connectors: it decorates their ports
builder.AddPricing();                // quotes composed from the cached price parts
builder.AddErpEvents();              // webhooks, legacy change feed, invalidation on every instance
builder.AddCanonicalApi();           // /v1 services, error mapping, OpenAPI
builder.AddEdge();                   // authentication, partner keys, plans and limits, YARP
builder.AddOrderOrchestration();     // intake, hand-off workers, status poller
builder.AddGatewayGraphQL();

var app = builder.Build();
app.UseGatewayDefaults();            // first: every answer, errors included, carries X-Correlation-Id
app.UseEdge();                       // before the endpoints: they need the caller and its plan
app.UseCanonicalCacheHeaders();      // after the edge: refused requests are never hashed, a 304 only answers an allowed request
app.MapGatewayHealth();
app.MapGatewayMetrics();             // /metrics (Prometheus): answers, cache lookups, ERP calls, change events, orders
app.MapErpEvents();
app.MapCanonicalApi();
app.MapOrders();                     // /v1/orders and /admin/exceptions
app.MapGatewayGraphQL();
app.MapEdge();
app.Run();

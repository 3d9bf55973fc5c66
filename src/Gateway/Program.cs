using Gateway.CanonicalApi;
using Gateway.Edge;
using Gateway.Erp;
using Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGatewayDefaults();        // options of the contract, problem details, health, correlation
builder.Services.AddErpConnectors(builder.Configuration);
builder.AddCanonicalApi();           // /v1 services, error mapping, OpenAPI
builder.AddEdge();                   // authentication, partner keys, plans and limits, YARP

var app = builder.Build();
app.UseGatewayDefaults();            // first: every answer, errors included, carries X-Correlation-Id
app.UseEdge();                       // before the endpoints: they need the caller and its plan
app.MapGatewayHealth();
app.MapCanonicalApi();
app.MapEdge();
app.Run();

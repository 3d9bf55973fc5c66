using Gateway.CanonicalApi;
using Gateway.Erp;
using Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGatewayDefaults();        // options of the contract, problem details, health, correlation
builder.Services.AddErpConnectors(builder.Configuration);
builder.AddCanonicalApi();

var app = builder.Build();
app.UseGatewayDefaults();            // first: every answer, errors included, carries X-Correlation-Id
app.MapGatewayHealth();
app.MapCanonicalApi();
app.Run();

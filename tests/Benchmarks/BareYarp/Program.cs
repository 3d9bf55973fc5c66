// The proxy scenario's .NET baseline: YARP with the benchmark's route (/bench/** to the upstream, prefix removed) and
// nothing else, no logging, so that the gateway's proxy figure can be split into what YARP costs and what the edge adds.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();

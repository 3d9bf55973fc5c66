// The baseline of the cached-read benchmark: the bytes the gateway would answer, served from memory with nothing
// else in the pipeline (no routing, no logging), so the ratio gateway/bare measures only what the gateway adds.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var body = await File.ReadAllBytesAsync(app.Configuration["BodyFile"] ?? throw new InvalidOperationException("--BodyFile is required"));
var contentType = app.Configuration["ContentType"] ?? "application/json; charset=utf-8";

app.Run(async context =>
{
    context.Response.ContentType = contentType;
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
});

await app.RunAsync();

using System.Text.Json.Serialization;
using ErpSimulator.Backends;
using ErpSimulator.Cloud;
using ErpSimulator.Control;
using ErpSimulator.Data;
using ErpSimulator.Legacy;
using ErpSimulator.Webhooks;
using Microsoft.Extensions.Options;

namespace ErpSimulator;

/// <summary>
/// Builds the whole simulator. Program.cs runs it; tests and the gateway's integration tests start it in-process with
/// <c>Build(["--urls", "http://127.0.0.1:0", "--Simulator:LatencyMs=0"])</c> and read the bound address from the server.
/// </summary>
public static class SimulatorApplication
{
    public const string DefaultUrl = "http://127.0.0.1:9080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // In-process hosts would otherwise take the test assembly's name.
            ApplicationName = typeof(SimulatorApplication).Assembly.GetName().Name,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidation>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        builder.AddErpDataSet();
        builder.AddBackendConditions();
        builder.AddCloudErp();
        builder.AddControlApi();
        builder.AddWebhooks();
        builder.AddLegacyErp(); // SIM-LEGACY: SOAP service registrations (Legacy/LegacyErpSetup.cs)

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages(); // an empty 4xx (404, 405) still answers with a JSON problem
        app.MapCloudErp();
        app.MapControlApi();
        app.MapLegacyErp(); // SIM-LEGACY: the SOAP endpoint under /legacy/
        return app;
    }
}

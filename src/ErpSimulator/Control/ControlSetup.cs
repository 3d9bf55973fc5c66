namespace ErpSimulator.Control;

/// <summary>The control API under <c>/_sim</c>: never part of a real ERP; tests, demos and benchmarks drive the simulator with it.</summary>
public static class ControlSetup
{
    public static WebApplicationBuilder AddControlApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExceptionHandler<ControlExceptionHandler>();
        return builder;
    }

    public static WebApplication MapControlApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var sim = app.MapGroup("/_sim").ExcludeFromDescription();
        sim.MapControlData();
        sim.MapControlBackends();
        return app;
    }
}

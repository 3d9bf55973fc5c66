namespace ErpSimulator.Backends;

public static class BackendsServiceCollectionExtensions
{
    /// <summary>Latency, fault injection and statistics shared by both backends and the control API.</summary>
    public static WebApplicationBuilder AddBackendConditions(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<FaultInjection>();
        builder.Services.AddSingleton<CallLatency>();
        builder.Services.AddSingleton<SimulatorStats>();
        return builder;
    }
}

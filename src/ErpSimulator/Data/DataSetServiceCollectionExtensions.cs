namespace ErpSimulator.Data;

public static class DataSetServiceCollectionExtensions
{
    /// <summary>The seeded data set (one per process) and the service that moves sales orders along.</summary>
    public static WebApplicationBuilder AddErpDataSet(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ErpDataSet>();
        builder.Services.AddHostedService<OrderProgression>();
        return builder;
    }
}

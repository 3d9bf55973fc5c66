namespace ErpSimulator.Legacy;

/// <summary>The legacy ERP's hooks into the simulator host. Placeholder: SIM-LEGACY replaces this file.</summary>
public static class LegacyErpSetup
{
    public static WebApplicationBuilder AddLegacyErp(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapLegacyErp(this WebApplication app) => app;
}

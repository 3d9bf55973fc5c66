using System.ServiceModel.Channels;
using ErpSimulator.Legacy.Contract;
using SoapCore;
using SoapCore.Extensibility;

namespace ErpSimulator.Legacy;

/// <summary>The legacy ERP: SOAP 1.1 (SoapCore, XmlSerializer) at <see cref="Path"/>, WSDL at <c>?wsdl</c>.</summary>
public static class LegacyErpSetup
{
    public const string Path = "/legacy/ErpService.asmx";

    public static WebApplicationBuilder AddLegacyErp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSoapCore();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ILegacyErpService, LegacyErpService>();
        builder.Services.AddSingleton<IFaultExceptionTransformer, LegacyFaultWriter>();

        // SoapCore logs every fault with its stack trace at Error; ServerBusy and BatchTooLarge are ordinary
        // answers under load, so only its critical messages pass. LegacyFaultWriter logs the unplanned faults.
        builder.Logging.AddFilter("SoapCore", LogLevel.Critical);
        return builder;
    }

    public static WebApplication MapLegacyErp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The branch keeps SoapCore (which buffers request bodies) off every other route. The cast picks the
        // IApplicationBuilder overload: on WebApplication the two UseSoapEndpoint overloads are ambiguous.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/legacy", StringComparison.OrdinalIgnoreCase),
            legacy => legacy.UseSoapEndpoint<ILegacyErpService>(soap =>
            {
                soap.Path = Path;
                soap.SoapSerializer = SoapSerializer.XmlSerializer;
                soap.EncoderOptions = [new SoapEncoderOptions { MessageVersion = MessageVersion.Soap11 }];
                soap.CaseInsensitivePath = true;
            }));
        return app;
    }
}

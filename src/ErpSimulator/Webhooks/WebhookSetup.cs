namespace ErpSimulator.Webhooks;

public static class WebhookSetup
{
    /// <summary>Signed webhooks to <c>Simulator:WebhookUrls</c> for every change, from a background dispatcher.</summary>
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpClient(WebhookDispatcher.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }
}

using Gateway.IntegrationTests.Fixtures;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders.Documents;

/// <summary>
/// A gateway process with orders on the ERP a test names, on the fixture's simulator and on a redis-server of its own.
/// Its own, because instances on one Redis are one cluster and share the order hand-off queue: on the fixture's Redis
/// the fixture's gateway (orders on the cloud ERP) could claim an order first and book it in the cloud ERP, and this
/// gateway would then ask the legacy ERP for the shipments of a cloud order number, which the legacy ERP refuses.
/// </summary>
internal sealed class DocumentGateway : IAsyncDisposable
{
    readonly RedisServer _redis;
    readonly GatewayProcess _process;

    DocumentGateway(RedisServer redis, GatewayProcess process)
    {
        _redis = redis;
        _process = process;
    }

    public HttpClient Client => _process.Client;

    /// <param name="configure">Further settings over <see cref="GatewaySettings"/> (the legacy change feed, for example).</param>
    public static async Task<DocumentGateway> StartAsync(
        OrdersFixture fixture, string orders, Action<Dictionary<string, string?>>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var redis = new RedisServer();
        try
        {
            await redis.StartAsync(appendOnly: false);
            var settings = GatewaySettings(redis, fixture.Simulator, cloudRequestsPerSecond: 200);
            settings["Erp:Routing:Orders"] = orders;
            configure?.Invoke(settings);
            return new DocumentGateway(redis, await GatewayProcess.StartAsync(settings, cancellationToken));
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await _redis.DisposeAsync();
    }
}

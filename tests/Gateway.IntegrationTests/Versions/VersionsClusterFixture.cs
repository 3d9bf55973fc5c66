using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Versions;

/// <summary>
/// Two gateway instances on one real redis-server and one simulator, with v1 deprecated (since 2026-01-01, sunset
/// 2027-06-30, a policy page) and the GraphQL field <c>Product.description</c> deprecated, usage flushed every 100 ms;
/// and one partner with a key, calling through either instance.
/// </summary>
public sealed class VersionsClusterFixture : IAsyncLifetime
{
    public const string PolicyUrl = "https://developer.gateway.example/deprecations/v1";
    public const string DeprecatedField = "Product.description";
    public const string FieldReason = "Use longDescription from the product page API instead.";

    public static readonly IReadOnlyDictionary<string, string?> Lifecycle = new Dictionary<string, string?>
    {
        ["Versions:v1:DeprecatedAt"] = "2026-01-01T00:00:00Z",
        ["Versions:v1:SunsetAt"] = "2027-06-30T00:00:00Z",
        ["Versions:v1:PolicyUrl"] = PolicyUrl,
        [$"Versions:GraphQL:Fields:{DeprecatedField}:Reason"] = FieldReason,
        [$"Versions:GraphQL:Fields:{DeprecatedField}:DeprecatedAt"] = "2026-11-01T00:00:00Z",
        ["Usage:FlushInterval"] = "00:00:00.100",
    };

    public RedisServer Redis { get; } = new();

    public SimulatorHost Simulator { get; private set; } = null!;

    public GatewayHost A { get; private set; } = null!;

    public GatewayHost B { get; private set; } = null!;

    public SimSample Sample { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Redis.StartAsync();
        Simulator = await SimulatorHost.StartAsync();
        var settings = new Dictionary<string, string?>(Lifecycle) { ["ConnectionStrings:Redis"] = Redis.ConnectionString };
        A = await GatewayHost.StartAsync(Simulator, settings);
        B = await GatewayHost.StartAsync(Simulator, settings);
        Sample = await Simulator.SampleAsync(20, 2, TestContext.Current.CancellationToken);
    }

    /// <summary>A fresh partner (so its counts are its own) acting for the sample's first customer, and one key.</summary>
    internal async Task<(string PartnerId, string KeyId, string Key)> NewPartnerAsync()
    {
        var admin = new AdminClient(A.Client);
        var partnerId = await admin.CreatePartnerAsync(["catalog:read", "pricing:read", "inventory:read"], [Sample.Customers[0].CustomerId]);
        var (keyId, key) = await admin.IssueKeyAsync(partnerId);
        return (partnerId, keyId, key);
    }

    // Whatever started is stopped, even when InitializeAsync failed half way: no redis-server outlives the run.
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (A is not null)
            {
                await A.DisposeAsync();
            }

            if (B is not null)
            {
                await B.DisposeAsync();
            }

            if (Simulator is not null)
            {
                await Simulator.DisposeAsync();
            }
        }
        finally
        {
            await Redis.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class VersionsCluster : ICollectionFixture<VersionsClusterFixture>
{
    public const string Name = "Versions cluster";
}

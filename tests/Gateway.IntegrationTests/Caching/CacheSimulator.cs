using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Caching;

/// <summary>
/// A simulator of the cache and event tests' own: their outages and bursts must not drain the quota that the shared
/// simulator's connector tests measure against.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CacheSimulator : ICollectionFixture<SimulatorHost>
{
    public const string Name = "CacheSimulator";
}

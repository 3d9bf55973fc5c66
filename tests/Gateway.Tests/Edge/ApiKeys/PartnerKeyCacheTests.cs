using Gateway.Edge;
using Gateway.Edge.ApiKeys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Edge.ApiKeys;

public sealed class PartnerKeyCacheTests
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
    readonly ApiKeysOptions _options = new() { CacheTtl = TimeSpan.FromSeconds(1), MaxUnknownKeys = 1_000 };
    readonly CountingStore _store = new();
    readonly PartnerKeyCache _sut;

    public PartnerKeyCacheTests() => _sut = new PartnerKeyCache(_store, _options, _time, NullLogger<PartnerKeyCache>.Instance);

    [Fact]
    public async Task FindAsync_TwentyThousandInventedKeys_RemembersAtMostTheBound()
    {
        for (var i = 0; i < 20_000; i++)
        {
            Assert.Null(await _sut.FindAsync(PartnerKeyFormat.Generate().KeyId));
            Assert.InRange(_sut.UnknownCount, 1, _options.MaxUnknownKeys);
        }
    }

    [Fact]
    public async Task FindAsync_UnknownKeyAskedAgain_ReadsTheStoreOnceUntilItsAgeEnds()
    {
        var keyId = PartnerKeyFormat.Generate().KeyId;

        await _sut.FindAsync(keyId);
        await _sut.FindAsync(keyId);
        Assert.Equal(1, _store.KeyReads);

        _time.Advance(_options.CacheTtl);
        await _sut.FindAsync(keyId);
        Assert.Equal(2, _store.KeyReads);
    }

    [Fact]
    public async Task FindAsync_AfterAFlood_StillFindsARealKey()
    {
        var (keyId, key) = PartnerKeyFormat.Generate();
        await _store.SavePartnerAsync(new Partner("ptn_1", "Acme", [Scopes.CatalogRead], ["C1"], new PartnerPlan(5, 10, 100), _time.GetUtcNow()), CancellationToken.None);
        await _store.SaveKeyAsync(new PartnerKey(keyId, "ptn_1", PartnerKeyFormat.Hash(key), _time.GetUtcNow()), CancellationToken.None);

        for (var i = 0; i < 3 * _options.MaxUnknownKeys; i++)
        {
            await _sut.FindAsync(PartnerKeyFormat.Generate().KeyId);
        }

        Assert.Equal("ptn_1", (await _sut.FindAsync(keyId))?.Key.PartnerId);
    }

    [Fact]
    public async Task Invalidate_UnknownKeyIssuedSince_IsFoundAtOnce()
    {
        var (keyId, key) = PartnerKeyFormat.Generate();
        Assert.Null(await _sut.FindAsync(keyId));
        await _store.SavePartnerAsync(new Partner("ptn_1", "Acme", [Scopes.CatalogRead], ["C1"], new PartnerPlan(5, 10, 100), _time.GetUtcNow()), CancellationToken.None);
        await _store.SaveKeyAsync(new PartnerKey(keyId, "ptn_1", PartnerKeyFormat.Hash(key), _time.GetUtcNow()), CancellationToken.None);

        _sut.Invalidate(keyId);

        Assert.NotNull(await _sut.FindAsync(keyId));
    }

    /// <summary>The in-memory store, counting key reads.</summary>
    sealed class CountingStore : IPartnerStore
    {
        readonly InMemoryPartnerStore _inner = new();

        public int KeyReads { get; private set; }

        public Task<PartnerKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
        {
            KeyReads++;
            return _inner.FindKeyAsync(keyId, cancellationToken);
        }

        public Task<Partner?> FindPartnerAsync(string partnerId, CancellationToken cancellationToken) => _inner.FindPartnerAsync(partnerId, cancellationToken);

        public Task<IReadOnlyList<PartnerKey>> KeysOfAsync(string partnerId, CancellationToken cancellationToken) => _inner.KeysOfAsync(partnerId, cancellationToken);

        public Task SavePartnerAsync(Partner partner, CancellationToken cancellationToken) => _inner.SavePartnerAsync(partner, cancellationToken);

        public Task SaveKeyAsync(PartnerKey key, CancellationToken cancellationToken) => _inner.SaveKeyAsync(key, cancellationToken);
    }
}

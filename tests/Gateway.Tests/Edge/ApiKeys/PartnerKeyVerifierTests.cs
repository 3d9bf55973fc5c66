using Gateway.Core.Redis;
using Gateway.Edge;
using Gateway.Edge.ApiKeys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Edge.ApiKeys;

public sealed class PartnerKeyVerifierTests
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
    readonly ApiKeysOptions _options = new() { RotationGrace = TimeSpan.FromMinutes(10), CacheTtl = TimeSpan.FromSeconds(1) };
    readonly PartnerDirectory _directory;
    readonly PartnerKeyVerifier _sut;

    public PartnerKeyVerifierTests()
    {
        var store = new InMemoryPartnerStore();
        var cache = new PartnerKeyCache(store, _options, _time, NullLogger<PartnerKeyCache>.Instance);
        var invalidation = new KeyInvalidation(new RedisConnection(null), cache, _options, NullLogger<KeyInvalidation>.Instance);
        _directory = new PartnerDirectory(store, invalidation, _options, _time);
        _sut = new PartnerKeyVerifier(cache, _time);
    }

    async Task<(Partner Partner, IssuedKey Key)> PartnerWithKeyAsync()
    {
        var partner = await _directory.CreatePartnerAsync("Acme", [Scopes.CatalogRead], ["C1", "C2"], new PartnerPlan(5, 10, 1000), CancellationToken.None);
        return (partner, (await _directory.IssueAsync(partner.PartnerId, CancellationToken.None))!);
    }

    [Fact]
    public async Task VerifyAsync_IssuedKey_ReturnsThePartnersCaller()
    {
        var (partner, issued) = await PartnerWithKeyAsync();

        var caller = await _sut.VerifyAsync(issued.Key, CancellationToken.None);

        Assert.NotNull(caller);
        Assert.Equal("partner:" + partner.PartnerId, caller.Id);
        Assert.Equal(CallerKind.Partner, caller.Kind);
        Assert.True(caller.ActsFor("C2"));
        Assert.False(caller.ActsFor("C3"));
        Assert.Equal(new PartnerPlan(5, 10, 1000), caller.Plan);
    }

    [Fact]
    public async Task VerifyAsync_KnownKeyIdWithAnotherSecret_ReturnsNull()
    {
        var (_, issued) = await PartnerWithKeyAsync();
        var forged = issued.Key[..^4] + (issued.Key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        Assert.Null(await _sut.VerifyAsync(forged, CancellationToken.None));
    }

    [Fact]
    public async Task VerifyAsync_RotatedKey_WorksUntilTheGraceEndsThenNot()
    {
        var (_, issued) = await PartnerWithKeyAsync();
        var replacement = await _directory.RotateAsync(issued.KeyId, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await _sut.VerifyAsync(issued.Key, CancellationToken.None));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await _sut.VerifyAsync(issued.Key, CancellationToken.None));
        Assert.NotNull(await _sut.VerifyAsync(replacement!.Key, CancellationToken.None));
    }

    [Fact]
    public async Task VerifyAsync_RevokedKey_ReturnsNullAtOnce()
    {
        var (_, issued) = await PartnerWithKeyAsync();
        Assert.NotNull(await _sut.VerifyAsync(issued.Key, CancellationToken.None));

        await _directory.RevokeAsync(issued.KeyId, CancellationToken.None);

        Assert.Null(await _sut.VerifyAsync(issued.Key, CancellationToken.None));
    }

    [Fact]
    public async Task RotateAsync_RevokedKey_ReturnsNull()
    {
        var (_, issued) = await PartnerWithKeyAsync();
        await _directory.RevokeAsync(issued.KeyId, CancellationToken.None);

        Assert.Null(await _directory.RotateAsync(issued.KeyId, CancellationToken.None));
    }

    [Fact]
    public async Task ToString_IssuedKey_ShowsTheKeyIdButNeverTheKey()
    {
        var (_, issued) = await PartnerWithKeyAsync();

        Assert.DoesNotContain(issued.Key, issued.ToString(), StringComparison.Ordinal);
        Assert.Contains(issued.KeyId, issued.ToString(), StringComparison.Ordinal);
    }
}

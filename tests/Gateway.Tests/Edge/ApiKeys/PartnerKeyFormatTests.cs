using Gateway.Edge.ApiKeys;

namespace Gateway.Tests.Edge.ApiKeys;

public sealed class PartnerKeyFormatTests
{
    [Fact]
    public void Generate_NewKey_ParsesBackToItsKeyId()
    {
        var (keyId, key) = PartnerKeyFormat.Generate();

        Assert.True(PartnerKeyFormat.TryGetKeyId(key, out var parsed));
        Assert.Equal(keyId, parsed);
        Assert.StartsWith($"gw_{keyId}_", key, StringComparison.Ordinal);
        Assert.True(PartnerKeyFormat.IsKeyId(keyId));
    }

    [Fact]
    public void Generate_TwoKeys_ShareNothing()
    {
        var (firstId, first) = PartnerKeyFormat.Generate();
        var (secondId, second) = PartnerKeyFormat.Generate();

        Assert.NotEqual(firstId, secondId);
        Assert.NotEqual(first[20..], second[20..]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gw_")]
    [InlineData("gw_0123456789abcdef_")]
    [InlineData("gw_0123456789ABCDEF_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("gw_0123456789abcdef-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("gw_0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+")]
    [InlineData("gw_0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("xx_0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void TryGetKeyId_Malformed_ReturnsFalse(string key) => Assert.False(PartnerKeyFormat.TryGetKeyId(key, out _));

    [Fact]
    public void Hash_SameKey_SameLowercaseHex()
    {
        var (_, key) = PartnerKeyFormat.Generate();

        Assert.Equal(PartnerKeyFormat.Hash(key), PartnerKeyFormat.Hash(key));
        Assert.Matches("^[0-9a-f]{64}$", PartnerKeyFormat.Hash(key));
        Assert.DoesNotContain(key[20..], PartnerKeyFormat.Hash(key), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Headers;
using Gateway.Edge;

namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>Storefront JWTs verified against the issuer's published keys (JWKS), through a key rotation.</summary>
public sealed class JwksRotationTests
{
    static async Task<HttpStatusCode> CallAsync(EdgeHost gateway, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, EdgeHost.ProbePath(Scopes.CatalogRead));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await gateway.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    static async Task<HttpStatusCode> PollUntilAsync(EdgeHost gateway, string token, HttpStatusCode wanted)
    {
        // The gateway asks the issuer again at most once per JwksRefreshInterval (1 s here); polling faster only waits longer.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        while ((status = await CallAsync(gateway, token)) != wanted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1100, TestContext.Current.CancellationToken);
        }

        return status;
    }

    [Fact]
    public async Task Tokens_signed_with_the_published_key_are_accepted_and_a_rotation_is_followed()
    {
        await using var issuer = await JwksIssuer.StartAsync();
        await using var gateway = await EdgeHost.StartAsync(issuer.GatewaySettings);
        var before = issuer.Mint("C0042", Scopes.CatalogRead);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(gateway, before));

        issuer.Rotate();
        var after = issuer.Mint("C0042", Scopes.CatalogRead);

        Assert.Equal(HttpStatusCode.OK, await PollUntilAsync(gateway, after, HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(gateway, before));
    }

    [Fact]
    public async Task Hs256_tokens_are_refused_when_the_gateway_trusts_a_jwks()
    {
        await using var issuer = await JwksIssuer.StartAsync();
        await using var gateway = await EdgeHost.StartAsync(issuer.GatewaySettings);

        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(gateway, Fixtures.TestTokens.Storefront("C0042", Scopes.CatalogRead)));
    }
}

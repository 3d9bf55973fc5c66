using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>
/// An identity provider in miniature: publishes its RSA signing keys at <c>/jwks.json</c> on a loopback port, signs
/// RS256 storefront tokens with its current key, and rotates to a new key (dropping the old) on demand.
/// </summary>
internal sealed class JwksIssuer : IAsyncDisposable
{
    readonly WebApplication _app;
    volatile SigningKey _current = SigningKey.Create();

    JwksIssuer(WebApplication app)
    {
        _app = app;
        JwksUrl = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/jwks.json");
    }

    public Uri JwksUrl { get; }

    /// <summary>Settings for a gateway that trusts this issuer (and <see cref="TestTokens.AdminToken"/>).</summary>
    public Dictionary<string, string?> GatewaySettings => new()
    {
        ["Auth:Jwt:Issuer"] = TestTokens.Issuer,
        ["Auth:Jwt:Audience"] = TestTokens.Audience,
        ["Auth:Jwt:SigningKey"] = null,
        ["Auth:Jwt:JwksUrl"] = JwksUrl.ToString(),
        ["Auth:Jwt:JwksRequireHttps"] = "false",
        ["Auth:Jwt:JwksRefreshInterval"] = "00:00:01",
    };

    public static async Task<JwksIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        JwksIssuer? issuer = null;
        app.MapGet("/jwks.json", () => Microsoft.AspNetCore.Http.Results.Text(issuer!._current.JwksJson, "application/json"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        issuer = new JwksIssuer(app);
        return issuer;
    }

    /// <summary>Publishes a new key in place of the current one; tokens signed before no longer verify once gateways refresh.</summary>
    public void Rotate()
    {
        var old = _current;
        _current = SigningKey.Create();
        old.Rsa.Dispose();
    }

    /// <summary>An RS256 storefront token signed with the current key.</summary>
    public string Mint(string customerId, params string[] scopes)
    {
        var key = _current;
        var now = DateTimeOffset.UtcNow;
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = key.Id }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = TestTokens.Issuer,
            ["aud"] = TestTokens.Audience,
            ["sub"] = "jwks-storefront",
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
            ["scope"] = string.Join(' ', scopes),
            ["customer_id"] = customerId,
        }));
        var signature = key.Rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _current.Rsa.Dispose();
    }

    sealed record SigningKey(string Id, RSA Rsa, string JwksJson)
    {
        public static SigningKey Create()
        {
            var rsa = RSA.Create(2048);
            var id = Guid.NewGuid().ToString("N");
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            var jwks = JsonSerializer.Serialize(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = id, n = Base64Url(parameters.Modulus!), e = Base64Url(parameters.Exponent!) },
                },
            });
            return new SigningKey(id, rsa, jwks);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Edge.Authentication;

/// <summary>
/// The bootstrap credential of the admin API (<c>Gateway:AdminToken</c>). Both sides are hashed before a fixed-time
/// comparison, so neither the content nor the length of the configured token leaks through timing.
/// </summary>
internal sealed class AdminToken(IOptionsMonitor<GatewayOptions> options)
{
    /// <summary>Generous, but a plan all the same: a leaked admin token must not be able to flood the ERPs.</summary>
    public static readonly PartnerPlan Plan = new(1_000, 2_000, 100_000_000);

    public static readonly Caller Caller = new("admin", CallerKind.Admin, new HashSet<string>(StringComparer.Ordinal) { Scopes.Admin }, null, Plan);

    // A token that can never match, hashed when none is configured so that the work stays the same.
    static readonly byte[] Unset = SHA256.HashData(RandomNumberGenerator.GetBytes(32));

    public bool Matches(string presented)
    {
        var configured = options.CurrentValue.AdminToken;
        var expected = string.IsNullOrEmpty(configured) ? Unset : SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(expected, actual) && !string.IsNullOrEmpty(configured);
    }
}

using System.Security.Cryptography;
using System.Text;
using Gateway.Edge.Scoping;
using Gateway.Orders.Storage;

namespace Gateway.Orders.Intake;

/// <summary>The <c>Idempotency-Key</c> header: its rules, the store key it maps to, and the request fingerprint it guards.</summary>
internal static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Longest key accepted: room for a UUID or ULID with a prefix, not for a payload.</summary>
    public const int MaxLength = 128;

    /// <summary>Null when the key is usable, else why not; <paramref name="carrier"/> names where it came from (REST's header, GraphQL's argument).</summary>
    public static string? Problem(string? value, string carrier = "The " + HeaderName + " header") => value switch
    {
        null or "" => $"{carrier} is required: a unique value per order, reused only to retry that order.",
        { Length: > MaxLength } => $"{carrier} is longer than {MaxLength} characters.",
        _ when !value.All(c => c is >= '!' and <= '~') => $"{carrier} may hold only visible ASCII characters.",
        _ => null,
    };

    /// <summary>
    /// Keys are per caller and per customer the order is for: two callers, or one caller's two customers, choosing the same
    /// key never see each other's orders, whatever a <c>sub</c>, a customer id or the key itself holds (<see cref="ScopeKey"/>).
    /// </summary>
    public static string Scoped(string callerId, string? customerId, string key) => ScopeKey.Digest(callerId, customerId, key);

    /// <summary>
    /// The fingerprint of the parsed request, not of its bytes: whitespace, property order or <c>10</c> vs <c>10.0</c>
    /// make no difference, any change of meaning does.
    /// </summary>
    public static string Hash(OrderRequest request)
    {
        var canonical = request with
        {
            Lines = request.Lines?.Select(l => l is null ? null : l with { UnitPrice = l.UnitPrice is { } p ? p / 1.000000000000000000000000000000000m : null }).ToArray(),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OrderJson.Write(canonical))));
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Gateway.Operations.Console;

/// <summary>
/// The console's signed-in sessions, kept on the server: the cookie's data-protected ticket carries only a session id,
/// which must still be here. Signing out removes it, so a copied cookie is worth nothing after. Bounded by
/// <see cref="OperationsOptions.MaxConsoleSessions"/> (signing in past it ends the oldest) and by lifetime; per instance,
/// like the cookie's data-protection keys.
/// </summary>
internal sealed class ConsoleSessions(IOptions<OperationsOptions> options, TimeProvider time)
{
    public const string SessionClaim = "console_session";

    readonly Lock _gate = new();
    readonly Dictionary<string, DateTimeOffset> _expires = new(StringComparer.Ordinal);

    public string Start()
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var gone in _expires.Where(s => s.Value <= now).Select(s => s.Key).ToList())
            {
                _expires.Remove(gone);
            }

            while (_expires.Count >= options.Value.MaxConsoleSessions)
            {
                _expires.Remove(_expires.MinBy(s => s.Value).Key);
            }

            _expires[id] = now + options.Value.ConsoleSessionLifetime;
        }

        return id;
    }

    public bool IsLive(string? id)
    {
        if (id is null)
        {
            return false;
        }

        lock (_gate)
        {
            return _expires.TryGetValue(id, out var expires) && expires > time.GetUtcNow();
        }
    }

    public void End(string? id)
    {
        if (id is null)
        {
            return;
        }

        lock (_gate)
        {
            _expires.Remove(id);
        }
    }
}

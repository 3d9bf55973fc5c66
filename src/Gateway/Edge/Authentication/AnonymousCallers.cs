using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Gateway.Edge.Authentication;

/// <summary>
/// The anonymous caller of each client address, made once: a public catalog read by a few storefront servers should not
/// rebuild its caller (an address string, two sets, a plan) on every request. Bounded: past <see cref="MaxAddresses"/>
/// the cache starts over, so requests from very many addresses cost memory only up to the bound.
/// </summary>
internal sealed class AnonymousCallers(IOptions<AnonymousOptions> options)
{
    public const int MaxAddresses = 10_000;

    readonly ConcurrentDictionary<IPAddress, Caller> _callers = new();
    readonly Lazy<Caller> _unknown = new(() => options.Value.CallerFor(null));

    public bool Enabled => options.Value.Enabled;

    public Caller For(IPAddress? address)
    {
        if (address is null)
        {
            return _unknown.Value;
        }

        if (_callers.TryGetValue(address, out var caller))
        {
            return caller;
        }

        if (_callers.Count >= MaxAddresses)
        {
            _callers.Clear();
        }

        return _callers.GetOrAdd(address, options.Value.CallerFor);
    }
}

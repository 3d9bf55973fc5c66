using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Gateway.Edge.Authentication;

/// <summary>
/// The callers that are known only by their client address, each made once per address: the anonymous caller of the
/// public catalog (a few storefront servers should not rebuild a caller on every request), and the partition that
/// requests with a refused credential are limited in (<see cref="RefusedFor"/>). Bounded: past
/// <see cref="MaxAddresses"/> a table starts over, so requests from very many addresses cost memory only up to the bound.
/// </summary>
internal sealed class AnonymousCallers(IOptions<AnonymousOptions> options)
{
    public const int MaxAddresses = 10_000;

    readonly ByAddress _anonymous = new(address => options.Value.CallerFor(address));
    readonly ByAddress _refused = new(address => options.Value.RefusedCallerFor(address));

    public bool Enabled => options.Value.Enabled;

    public Caller For(IPAddress? address) => _anonymous.Of(address);

    /// <summary>
    /// The limits' partition of an address whose credential was refused: the anonymous plan with no scope and no
    /// customer, so that a credential-stuffing flood is answered 429 once over it, like any anonymous caller.
    /// </summary>
    public Caller RefusedFor(IPAddress? address) => _refused.Of(address);

    sealed class ByAddress(Func<IPAddress?, Caller> create)
    {
        readonly ConcurrentDictionary<IPAddress, Caller> _callers = new();
        readonly Func<IPAddress, Caller> _create = address => create(address);
        readonly Lazy<Caller> _unknown = new(() => create(null));

        public Caller Of(IPAddress? address)
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

            return _callers.GetOrAdd(address, _create);
        }
    }
}

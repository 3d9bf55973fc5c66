using System.Runtime.CompilerServices;

namespace Gateway.Edge;

/// <summary>
/// A value derived from a caller alone, computed once per caller instance where that instance lives across requests
/// (partners, anonymous callers, the admin) and kept as long as it does; a storefront's caller is built from its token on
/// each request, so its value is computed each time.
/// </summary>
internal sealed class PerCaller<T>(Func<Caller, T> compute)
    where T : class
{
    readonly ConditionalWeakTable<Caller, T> _known = [];
    readonly ConditionalWeakTable<Caller, T>.CreateValueCallback _compute = new(compute);

    public T Of(Caller caller) =>
        caller.Kind == CallerKind.StorefrontApp ? compute(caller) : _known.GetValue(caller, _compute);
}

namespace Gateway.Erp;

/// <summary>Who is waiting for an ERP call: a person or partner now, or the gateway's own work.</summary>
public enum ErpTrafficClass
{
    /// <summary>Storefront and partner reads: served first, with a reserved share of each ERP's budget.</summary>
    Interactive,

    /// <summary>Order hand-off, pollers, cache refresh: uses what interactive traffic leaves, with a guaranteed minimum.</summary>
    Background,
}

/// <summary>
/// The traffic class of the ERP calls made on the current async flow. Interactive unless a caller says otherwise,
/// so that the endpoints need no change and every background job opts out in one place:
/// <code>using (ErpTraffic.Background()) { await orders.SubmitAsync(order, ct); }</code>
/// An ambient scope (AsyncLocal) rather than a parameter because the ports are Core's and know nothing of budgets;
/// the connectors read it once on entry and pass it explicitly from there on (batches outlive their first caller).
/// </summary>
public static class ErpTraffic
{
    static readonly AsyncLocal<ErpTrafficClass?> Ambient = new();

    /// <summary>The class of calls made now on this flow.</summary>
    public static ErpTrafficClass Current => Ambient.Value ?? ErpTrafficClass.Interactive;

    /// <summary>Marks the ERP calls made until the scope is disposed as background work.</summary>
    public static IDisposable Background() => new Scope(ErpTrafficClass.Background);

    /// <summary>Marks the ERP calls made until the scope is disposed as interactive (e.g. a user waiting inside a job).</summary>
    public static IDisposable Interactive() => new Scope(ErpTrafficClass.Interactive);

    sealed class Scope : IDisposable
    {
        readonly ErpTrafficClass? _previous = Ambient.Value;

        public Scope(ErpTrafficClass traffic) => Ambient.Value = traffic;

        public void Dispose() => Ambient.Value = _previous;
    }
}

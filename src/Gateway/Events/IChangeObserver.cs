using Gateway.Core.Events;

namespace Gateway.Events;

/// <summary>
/// Hears of each change once cluster-wide, on the instance that ingested it (webhook or legacy feed), after the ledger
/// recorded it as new. Called on the ingestion path: queue the work, never do it here.
/// </summary>
internal interface IChangeObserver
{
    void OnApplied(ErpChange change);
}

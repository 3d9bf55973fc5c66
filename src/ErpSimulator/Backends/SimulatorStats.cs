using ErpSimulator.Data;

namespace ErpSimulator.Backends;

/// <summary>The statistics of both backends and the sales orders created, as <c>GET /_sim/stats</c> shows them.</summary>
public sealed class SimulatorStats(ErpDataSet dataSet)
{
    public BackendStats Legacy { get; } = new();

    public BackendStats Cloud { get; } = new();

    public BackendStats For(Backend backend) => backend == Backend.Legacy ? Legacy : Cloud;

    /// <summary>Sales orders booked (rejections excluded) through either backend.</summary>
    public long OrdersCreated => dataSet.OrdersCreated;

    public void Reset()
    {
        Legacy.Reset();
        Cloud.Reset();
        dataSet.ResetOrdersCreated();
    }
}

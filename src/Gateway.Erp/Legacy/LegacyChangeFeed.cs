using Gateway.Core.Events;
using Gateway.Erp.Outbound;

namespace Gateway.Erp.Legacy;

/// <summary>The legacy ERP's <c>GetChanges</c> feed through the legacy pipeline (its budget, retries and breaker).</summary>
internal sealed class LegacyChangeFeed(LegacyErpClient client, ErpPipeline pipeline) : IErpChangeFeed
{
    /// <summary>The most changes one <c>GetChanges</c> call may ask for.</summary>
    public const int MaxCount = 500;

    public Task<ChangePage> ReadAsync(string sinceToken, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sinceToken);
        var count = Math.Clamp(maxCount, 1, MaxCount);
        return pipeline.ExecuteAsync(
            new ErpCall("changes.get", ErpCallKind.Read, ErpTraffic.Current),
            ct => client.GetChangesAsync(sinceToken, count, ct),
            cancellationToken);
    }
}

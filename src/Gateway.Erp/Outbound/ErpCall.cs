namespace Gateway.Erp.Outbound;

/// <summary>One operation through the pipeline: what it is (for telemetry), whether it may be retried freely, and for whom.</summary>
/// <param name="Operation">The connector's operation name, e.g. <c>stock.get</c> (a tag, not the wire name).</param>
internal readonly record struct ErpCall(string Operation, ErpCallKind Kind, ErpTrafficClass Traffic);

/// <summary>Reads are retried up to <c>ReadRetries</c>; writes, idempotent by external reference, only up to <c>WriteRetries</c>.</summary>
internal enum ErpCallKind
{
    Read,
    Write,
}

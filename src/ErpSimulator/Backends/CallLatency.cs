using Microsoft.Extensions.Options;

namespace ErpSimulator.Backends;

/// <summary>Delays each call by <c>Simulator:LatencyMs</c> plus the backend's injected latency, on the injected clock.</summary>
public sealed class CallLatency(IOptions<SimulatorOptions> options, FaultInjection faults, TimeProvider time)
{
    private readonly LatencyRange _range = LatencyRange.TryParse(options.Value.LatencyMs, out var range) ? range : default;

    public Task DelayAsync(Backend backend, CancellationToken cancellationToken)
    {
        var milliseconds = (_range.IsOff ? 0 : _range.Next()) + faults.For(backend).LatencyMs;
        return milliseconds <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(milliseconds), time, cancellationToken);
    }
}

using Microsoft.Extensions.Options;

namespace ErpSimulator.Data;

/// <summary>
/// Moves sales orders Confirmed → Allocated → Shipped (in one or two parts) → Invoiced, and returns Requested →
/// Authorised (or Rejected) → Received → Credited, one step per <c>Simulator:OrderStepMs</c>.
/// </summary>
internal sealed class OrderProgression(ErpDataSet dataSet, IOptions<SimulatorOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var step = TimeSpan.FromMilliseconds(options.Value.OrderStepMs);
        // Ticking at a quarter of the step keeps each order within 25% of its due time without scanning needlessly.
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.OrderStepMs / 4, 5, 250));
        using var timer = new PeriodicTimer(tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                dataSet.AdvanceOrders(step);
                dataSet.AdvanceReturns(step);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}

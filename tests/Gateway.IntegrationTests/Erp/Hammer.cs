using Gateway.Core.Erp;

namespace Gateway.IntegrationTests.Erp;

/// <summary>
/// Many concurrent callers repeating one ERP read until a deadline, tallying how each call ended. A call refused with
/// <see cref="ErpUnavailableException"/> is tried again after a short pause, as a client honouring a 503 briefly would;
/// every call is bounded by a generous deadline, so a hang shows up as a count, never as a stuck test.
/// </summary>
internal static class Hammer
{
    static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    /// <param name="read">One call for caller <c>i</c>, attempt <c>j</c>.</param>
    /// <param name="tally">Where to count, when the test watches the run as it goes.</param>
    public static async Task<Tally> RunAsync(int callers, TimeSpan duration, Func<int, int, CancellationToken, Task> read, CancellationToken cancellationToken, Tally? tally = null)
    {
        tally ??= new Tally();
        var until = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(
            async () =>
            {
                for (var attempt = 0; DateTime.UtcNow < until; attempt++)
                {
                    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    deadline.CancelAfter(CallDeadline);
                    try
                    {
                        await read(caller, attempt, deadline.Token);
                        tally.Answered();
                    }
                    catch (ErpUnavailableException unavailable)
                    {
                        tally.Refused(unavailable.RetryAfter);
                        await Task.Delay(25, cancellationToken);
                    }
                    catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        tally.Hung();
                    }
                    catch (Exception other) when (other is not OperationCanceledException)
                    {
                        tally.Failed(other);
                    }
                }
            },
            cancellationToken)));
        return tally;
    }
}

/// <summary>How the calls of a <see cref="Hammer"/> run ended.</summary>
internal sealed class Tally
{
    int _answered;
    int _refused;
    int _refusedWithoutRetryAfter;
    int _hung;

    public int Answers => _answered;

    public int Refusals => _refused;

    /// <summary>Refusals whose Retry-After was not positive.</summary>
    public int RefusalsWithoutRetryAfter => _refusedWithoutRetryAfter;

    /// <summary>Calls still unanswered at their deadline.</summary>
    public int Hangs => _hung;

    /// <summary>Any other exception: none is expected.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Failures { get; } = [];

    public void Answered() => Interlocked.Increment(ref _answered);

    public void Refused(TimeSpan retryAfter)
    {
        Interlocked.Increment(ref _refused);
        if (retryAfter <= TimeSpan.Zero)
        {
            Interlocked.Increment(ref _refusedWithoutRetryAfter);
        }
    }

    public void Hung() => Interlocked.Increment(ref _hung);

    public void Failed(Exception exception) => Failures.Add(exception.GetType().Name + ": " + exception.Message);

    public override string ToString() =>
        $"{_answered} answered, {_refused} refused ({_refusedWithoutRetryAfter} without Retry-After), {_hung} hung, {Failures.Count} failed";
}

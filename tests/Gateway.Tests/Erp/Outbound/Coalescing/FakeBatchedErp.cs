using System.Threading.Channels;
using Gateway.Erp;

namespace Gateway.Tests.Erp.Outbound.Coalescing;

/// <summary>A value the fake ERP answers: which group and key it was asked for, so a test sees whose answer it got.</summary>
internal sealed record Answered(string Group, string Key);

/// <summary>
/// The loader's fetch as the connector makes it, in memory: each call waits for the budget (a gate the test opens), then
/// closes its batch and records the keys it carries. Keys starting with <c>unknown</c> are not in the ERP.
/// </summary>
internal sealed class FakeBatchedErp
{
    readonly Lock _gate = new();
    readonly List<(string Group, ErpTrafficClass Traffic, IReadOnlyList<string> Keys)> _calls = [];
    readonly Channel<bool> _entered = Channel.CreateUnbounded<bool>();
    readonly Channel<bool> _requested = Channel.CreateUnbounded<bool>();
    readonly TaskCompletionSource _budget = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource _answers = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="budgetOpen">False: calls wait for <see cref="OpenBudget"/> before their request is made.</param>
    /// <param name="answersHeld">True: requests are made, their answers wait for <see cref="ReleaseAnswers"/>.</param>
    public FakeBatchedErp(bool budgetOpen = true, bool answersHeld = false)
    {
        if (budgetOpen)
        {
            _budget.SetResult();
        }

        if (!answersHeld)
        {
            _answers.SetResult();
        }
    }

    /// <summary>Groups whose calls fail once their request is made.</summary>
    public HashSet<string> Failing { get; } = [];

    /// <summary>The call is refused before its request is made (as the budget or an open circuit does).</summary>
    public bool RefuseBeforeRequest { get; set; }

    /// <summary>Attempts each call makes, each closing its batch again (the pipeline's retries).</summary>
    public int Attempts { get; set; } = 1;

    public IReadOnlyList<(string Group, ErpTrafficClass Traffic, IReadOnlyList<string> Keys)> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public void OpenBudget() => _budget.TrySetResult();

    public void ReleaseAnswers() => _answers.TrySetResult();

    /// <summary>Waits until <paramref name="count"/> more calls are waiting for the budget (or past it).</summary>
    public async Task EnteredAsync(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            await _entered.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="count"/> more calls have made their request (and are recorded in <see cref="Calls"/>).</summary>
    public async Task RequestedAsync(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            await _requested.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
    }

    public async Task<IReadOnlyDictionary<string, Answered>> FetchAsync(string group, ErpTrafficClass traffic, Func<IReadOnlyList<string>> close)
    {
        _entered.Writer.TryWrite(true);
        await _budget.Task;
        if (RefuseBeforeRequest)
        {
            throw new InvalidOperationException("refused before the request");
        }

        IReadOnlyList<string> keys = [];
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            keys = close();
            await Task.Yield();
        }

        lock (_gate)
        {
            _calls.Add((group, traffic, [.. keys]));
        }

        _requested.Writer.TryWrite(true);

        await _answers.Task;
        if (Failing.Contains(group))
        {
            throw new InvalidOperationException("the ERP failed for " + group);
        }

        return keys.Where(k => !k.StartsWith("unknown", StringComparison.Ordinal)).ToDictionary(k => k, k => new Answered(group, k));
    }
}

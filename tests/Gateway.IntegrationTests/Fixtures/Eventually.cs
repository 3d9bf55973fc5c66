namespace Gateway.IntegrationTests.Fixtures;

/// <summary>Waits for an eventual outcome by polling with a deadline, never by a fixed sleep.</summary>
internal static class Eventually
{
    /// <summary>The first value that meets <paramref name="condition"/>, or the last one read at the deadline.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (condition(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Fails the test when <paramref name="condition"/> does not hold within <paramref name="seconds"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, CancellationToken cancellationToken, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The condition did not hold within {seconds} s.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}

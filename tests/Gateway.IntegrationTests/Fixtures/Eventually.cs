namespace Gateway.IntegrationTests.Caching;

/// <summary>Polls with a deadline for an eventual outcome (never a fixed sleep).</summary>
internal static class Eventually
{
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
}

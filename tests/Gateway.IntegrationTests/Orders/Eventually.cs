namespace Gateway.IntegrationTests.Orders;

/// <summary>Waits for an eventual outcome by polling with a deadline, never by a fixed sleep.</summary>
internal static class Eventually
{
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

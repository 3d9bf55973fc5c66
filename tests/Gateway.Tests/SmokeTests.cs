namespace Gateway.Tests;

public class SmokeTests
{
    [Fact]
    public void Addition_Works() => Assert.Equal(2, 1 + 1);
}

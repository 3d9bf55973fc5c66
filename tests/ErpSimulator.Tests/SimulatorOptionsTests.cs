using Microsoft.Extensions.Options;

namespace ErpSimulator.Tests;

public sealed class SimulatorOptionsTests
{
    [Theory]
    [InlineData("Simulator:LatencyMs=fast")]
    [InlineData("Simulator:LatencyMs=60-20")]
    [InlineData("Simulator:Skus=0")]
    [InlineData("Simulator:Cloud:RequestsPerSecond=0")]
    [InlineData("Simulator:WebhookUrls=http://127.0.0.1:1/hook")]
    [InlineData("Simulator:WebhookUrls=not-a-url")]
    public async Task Validate_BadSetting_StopsTheSimulatorAtStart(string setting)
    {
        await Assert.ThrowsAsync<OptionsValidationException>(async () => await SimulatorHost.StartAsync(setting));
    }
}

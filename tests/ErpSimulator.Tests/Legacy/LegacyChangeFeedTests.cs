using ErpSimulator.Tests.Legacy.Client;

namespace ErpSimulator.Tests.Legacy;

[Collection(SharedSimulator.Name)]
public sealed class LegacyChangeFeedTests(SimulatorFixture fixture) : IDisposable
{
    private readonly LegacyClient _client = new(fixture.BaseAddress);

    private ILegacyErpClient Sut => _client.Erp;

    [Fact]
    public async Task GetChanges_ControlStockChange_AppearsWithTheWebhookEventIdAndSequence()
    {
        var ct = TestContext.Current.CancellationToken;
        var head = await ReadToTheEndAsync("");
        var sku = (await SimControl.SampleAsync(fixture.Client, 1, 0, ct)).Skus[0];

        var emitted = await SimControl.ChangeStockAsync(fixture.Client, sku, "TOR", 77, ct);
        var page = await Sut.GetChanges(head, 500);

        var change = Assert.Single(page.Changes, c => c.EventId == emitted.EventId);
        Assert.Equal("inventory.changed", change.Type);
        Assert.Equal(LegacyClient.Item(sku), change.ItemNumber);
        Assert.Equal("TOR", change.Plant);
        Assert.Equal(emitted.Sequence, change.Sequence);
        Assert.Matches("^[0-9]{8}$", change.Date);
        Assert.Matches("^[0-9]{6}$", change.Time);
        Assert.Equal(page.Changes[^1].Token, page.NextToken);
        Assert.Empty((await Sut.GetChanges(page.NextToken, 500)).Changes);
    }

    [Fact]
    public async Task GetChanges_TokenItHandedOut_ResumesAfterIt()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var sku in (await SimControl.SampleAsync(fixture.Client, 3, 0, ct)).Skus)
        {
            await SimControl.ChangeStockAsync(fixture.Client, sku, "DAL", 5, ct);
        }

        var all = await Sut.GetChanges("", 500);
        var first = await Sut.GetChanges("", 2);
        var rest = await Sut.GetChanges(first.NextToken, 500);

        Assert.True(all.Changes.Length >= 3);
        Assert.Equal(
            all.Changes.Select(c => c.EventId).Take(2 + rest.Changes.Length),
            first.Changes.Concat(rest.Changes).Select(c => c.EventId));
    }

    [Theory]
    [InlineData("", 501, "BatchTooLarge")]
    [InlineData("", 0, "InvalidArgument")]
    [InlineData("abc", 10, "InvalidArgument")]
    public async Task GetChanges_BadPagingArguments_Fault(string token, int maxCount, string faultString)
    {
        var fault = await Assert.ThrowsAsync<System.ServiceModel.FaultException>(() => Sut.GetChanges(token, maxCount));

        Assert.Equal(faultString, fault.Reason.ToString());
    }

    private async Task<string> ReadToTheEndAsync(string token)
    {
        while (true)
        {
            var page = await Sut.GetChanges(token, 500);
            if (page.Changes.Length == 0)
            {
                return page.NextToken;
            }

            token = page.NextToken;
        }
    }

    public void Dispose() => _client.Dispose();
}

using Gateway.Core.Events;
using Gateway.Events;

namespace Gateway.Tests.Events;

public sealed class MemoryChangeLedgerTests : IDisposable
{
    readonly MemoryChangeLedger _sut = new(new EventsOptions());

    static ErpChange Stock(string eventId, long sequence) =>
        new(eventId, ErpChangeTypes.InventoryChanged, "100001", null, "DAL", null, sequence, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task RecordAsync_NewEvent_Applied() =>
        Assert.Equal(IngestResult.Applied, await _sut.RecordAsync(Stock("a", 1), [], CancellationToken.None));

    [Fact]
    public async Task RecordAsync_SameEventId_Duplicate()
    {
        await _sut.RecordAsync(Stock("a", 1), [], CancellationToken.None);

        Assert.Equal(IngestResult.Duplicate, await _sut.RecordAsync(Stock("a", 1), [], CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_OlderSequence_Outdated()
    {
        await _sut.RecordAsync(Stock("a", 5), [], CancellationToken.None);

        Assert.Equal(IngestResult.Outdated, await _sut.RecordAsync(Stock("b", 4), [], CancellationToken.None));
    }

    public void Dispose() => _sut.Dispose();
}

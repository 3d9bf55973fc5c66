using Gateway.Core.Orders;
using Gateway.Orders;
using Gateway.Orders.Returns;
using Gateway.Orders.Storage;

namespace Gateway.Tests.Orders.Returns;

public class ReturnProgressTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    static OrderRecord Invoiced(params KnownReturn[] returns) => new(
        new Order("ord_1", "20001", "20001-01", null, [new OrderLine("100001", 12, null)], OrderStatus.Invoiced, [], "SO-0000001", [], T0),
        Version: 7, CallerId: "partner", ErpReference: "ord_1", Returns: returns.Length == 0 ? null : returns);

    static KnownReturn Seen(string id, ReturnStatus status, int minute = 0) => new(id, status, null, T0.AddMinutes(minute));

    [Fact]
    public void Observe_NewReturn_IsFollowed()
    {
        var sut = ReturnProgress.Observe(Invoiced(), [Seen("ret_a", ReturnStatus.Requested)]);

        Assert.Equal([Seen("ret_a", ReturnStatus.Requested)], sut!.Returns);
    }

    [Fact]
    public void Observe_SameStatusAgain_ChangesNothing()
    {
        var sut = ReturnProgress.Observe(Invoiced(Seen("ret_a", ReturnStatus.Authorised, 1)), [Seen("ret_a", ReturnStatus.Authorised, 1)]);

        Assert.Null(sut);
    }

    [Fact]
    public void Observe_LaterStatus_ReplacesOnlyThatReturn()
    {
        var current = Invoiced(Seen("ret_a", ReturnStatus.Requested), Seen("ret_b", ReturnStatus.Requested));

        var sut = ReturnProgress.Observe(current, [Seen("ret_b", ReturnStatus.Received, 2)]);

        Assert.Equal([Seen("ret_a", ReturnStatus.Requested), Seen("ret_b", ReturnStatus.Received, 2)], sut!.Returns);
    }

    [Fact]
    public void Observe_EarlierStatusFromACrossingRead_IsIgnored()
    {
        var sut = ReturnProgress.Observe(Invoiced(Seen("ret_a", ReturnStatus.Credited, 3)), [Seen("ret_a", ReturnStatus.Received, 2)]);

        Assert.Null(sut);
    }

    [Fact]
    public void Observe_RejectedRequest_IsFinalLikeCredited()
    {
        var rejected = Seen("ret_a", ReturnStatus.Rejected, 1);

        Assert.Equal([rejected], ReturnProgress.Observe(Invoiced(Seen("ret_a", ReturnStatus.Requested)), [rejected])!.Returns);
        Assert.Null(ReturnProgress.Observe(Invoiced(rejected), [Seen("ret_a", ReturnStatus.Received, 2)]));
    }

    [Fact]
    public void Observe_BeyondTheBound_FollowsNoMoreReturns()
    {
        var full = Invoiced([.. Enumerable.Range(0, ReturnProgress.MaxFollowed).Select(i => Seen("ret_" + i, ReturnStatus.Requested))]);

        Assert.Null(ReturnProgress.Observe(full, [Seen("ret_new", ReturnStatus.Requested)]));
        Assert.Equal(ReturnStatus.Authorised, ReturnProgress.Observe(full, [Seen("ret_0", ReturnStatus.Authorised)])!.Returns![0].Status);
    }
}

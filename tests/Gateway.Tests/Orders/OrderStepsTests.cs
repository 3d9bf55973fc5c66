using Gateway.Orders;

namespace Gateway.Tests.Orders;

public sealed class OrderStepsTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    static StatusChange At(OrderStatus status, double seconds) => new(status, T0.AddSeconds(seconds), "");

    [Fact]
    public void Completed_ConfirmedAfterSubmitted_TimesFromTheSubmission()
    {
        StatusChange[] history = [At(OrderStatus.Accepted, 0), At(OrderStatus.SubmittedToErp, 2), At(OrderStatus.Confirmed, 7)];

        var sut = OrderSteps.Completed(history, 2);

        Assert.Equal(("submitted_to_confirmed", TimeSpan.FromSeconds(5)), sut);
    }

    [Fact]
    public void Completed_ShippedAfterAllocated_TimesFromTheConfirmation()
    {
        StatusChange[] history = [At(OrderStatus.Confirmed, 10), At(OrderStatus.Allocated, 20), At(OrderStatus.Shipped, 40)];

        Assert.Equal(("confirmed_to_shipped", TimeSpan.FromSeconds(30)), OrderSteps.Completed(history, 2));
    }

    [Fact]
    public void Completed_ReplayedOrder_CountsFromItsLatestAcceptance()
    {
        StatusChange[] history =
        [
            At(OrderStatus.Accepted, 0), At(OrderStatus.Rejected, 5), At(OrderStatus.Accepted, 600), At(OrderStatus.SubmittedToErp, 601),
        ];

        Assert.Equal(("accepted_to_submitted", TimeSpan.FromSeconds(1)), OrderSteps.Completed(history, 3));
    }

    [Theory]
    [InlineData(OrderStatus.Allocated)]
    [InlineData(OrderStatus.Rejected)]
    [InlineData(OrderStatus.Cancelled)]
    public void Completed_StatusOffTheMeasuredPath_CompletesNoStep(OrderStatus status)
    {
        StatusChange[] history = [At(OrderStatus.Accepted, 0), At(OrderStatus.SubmittedToErp, 1), At(OrderStatus.Confirmed, 2), At(status, 3)];

        Assert.Null(OrderSteps.Completed(history, 3));
    }

    [Fact]
    public void Completed_StepWithoutItsStartInTheHistory_CompletesNoStep()
    {
        StatusChange[] history = [At(OrderStatus.Shipped, 0), At(OrderStatus.Confirmed, 1)];

        Assert.Null(OrderSteps.Completed(history, 1));
    }
}

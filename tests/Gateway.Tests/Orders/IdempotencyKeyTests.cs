using Gateway.Orders;
using Gateway.Orders.Intake;

namespace Gateway.Tests.Orders;

public class IdempotencyKeyTests
{
    static OrderRequest Request(decimal? price = 5.5m, int quantity = 12) =>
        new("20001", "20001-01", "PO-1", [new OrderLineRequest("100001", quantity, price)]);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    public void Problem_MissingOrInvisible_Explains(string? key) => Assert.NotNull(IdempotencyKey.Problem(key));

    [Fact]
    public void Problem_LongerThan128_Explains() => Assert.NotNull(IdempotencyKey.Problem(new string('k', 129)));

    [Fact]
    public void Problem_Uuid_None() => Assert.Null(IdempotencyKey.Problem(Guid.NewGuid().ToString()));

    [Fact]
    public void Hash_SamePriceWrittenWithTrailingZeros_Same() =>
        Assert.Equal(IdempotencyKey.Hash(Request(5.5m)), IdempotencyKey.Hash(Request(5.500m)));

    [Fact]
    public void Hash_AnotherQuantity_Differs() =>
        Assert.NotEqual(IdempotencyKey.Hash(Request(quantity: 12)), IdempotencyKey.Hash(Request(quantity: 24)));

    [Fact]
    public void Hash_PriceAddedOrRemoved_Differs() =>
        Assert.NotEqual(IdempotencyKey.Hash(Request(null)), IdempotencyKey.Hash(Request(5.5m)));

    [Fact]
    public void Scoped_TwoCallers_DifferentKeys() =>
        Assert.NotEqual(IdempotencyKey.Scoped("partner:a", "k1"), IdempotencyKey.Scoped("partner:b", "k1"));
}

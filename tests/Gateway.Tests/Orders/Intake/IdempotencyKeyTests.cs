using Gateway.Orders;
using Gateway.Orders.Intake;

namespace Gateway.Tests.Orders.Intake;

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
        Assert.NotEqual(IdempotencyKey.Scoped("partner:a", "C1", "k1"), IdempotencyKey.Scoped("partner:b", "C1", "k1"));

    [Fact]
    public void Scoped_TwoCustomersOfOneCaller_DifferentKeys() =>
        Assert.NotEqual(IdempotencyKey.Scoped("partner:a", "C1", "k1"), IdempotencyKey.Scoped("partner:a", "C2", "k1"));

    [Theory]
    [InlineData("app:a:b", "C1", "k", "app:a", "C1", "b:k")]
    [InlineData("app:a", "C1:k", "x", "app:a:C1", "k", "x")]
    [InlineData("app:a", "", "C1k", "app:a", "C1", "k")]
    [InlineData("app:a", null, "k", "app:a", "-", "k")]
    public void Scoped_ColonsOrEmptyPartsMovedBetweenParts_NeverCollide(string caller1, string? customer1, string key1, string caller2, string? customer2, string key2) =>
        Assert.NotEqual(IdempotencyKey.Scoped(caller1, customer1, key1), IdempotencyKey.Scoped(caller2, customer2, key2));
}

using Gateway.Caching;
using Gateway.Core.Events;

namespace Gateway.Tests.Caching;

public sealed class CacheKeysTests
{
    static ErpChange Change(string type, string? sku = null, string? customerId = null) =>
        new("e", type, sku, customerId, null, null, 1, DateTimeOffset.UnixEpoch);

    [Fact]
    public void StaleAfter_StockChange_DropsOnlyTheStock() =>
        Assert.Equal(["stock:100001"], CacheKeys.StaleAfter(Change(ErpChangeTypes.InventoryChanged, "100001")));

    [Fact]
    public void StaleAfter_ListPriceChange_DropsBothCurrenciesAndThePromotion() =>
        Assert.Equal(["list:100001|USD", "list:100001|CAD", "promo:100001"], CacheKeys.StaleAfter(Change(ErpChangeTypes.PriceChanged, "100001")));

    [Fact]
    public void StaleAfter_ContractPriceChange_DropsTheCustomersOverlayOnly() =>
        Assert.Equal(["contract:20001"], CacheKeys.StaleAfter(Change(ErpChangeTypes.PriceChanged, "100001", "20001")));

    [Fact]
    public void StaleAfter_OrderChangeWithoutNumber_DropsNothing() =>
        Assert.Empty(CacheKeys.StaleAfter(Change(ErpChangeTypes.OrderChanged)));

    [Fact]
    public void StaleAfter_OrderChange_DropsTheOrdersShipmentsAndInvoice() =>
        Assert.Equal(["invoice:SO-0000007"], CacheKeys.StaleAfter(Change(ErpChangeTypes.OrderChanged) with { OrderNumber = "SO-0000007" }));

    [Fact]
    public void StaleAfter_InvoiceChange_DropsTheInvoiceOnly() =>
        Assert.Equal(["invoice:SO-0000007"], CacheKeys.StaleAfter(Change(ErpChangeTypes.InvoiceChanged, customerId: "20001") with { OrderNumber = "SO-0000007" }));

    [Fact]
    public void StaleAfter_ReturnChange_DropsNothing() =>
        Assert.Empty(CacheKeys.StaleAfter(Change(ErpChangeTypes.ReturnChanged, customerId: "20001") with { OrderNumber = "SO-0000007" }));

    [Fact]
    public void SequenceScope_PriceAndStockOfOneSku_AreOrderedApart() =>
        Assert.NotEqual(
            CacheKeys.SequenceScope(Change(ErpChangeTypes.PriceChanged, "100001")),
            CacheKeys.SequenceScope(Change(ErpChangeTypes.InventoryChanged, "100001")));

    [Theory]
    [InlineData(ErpChangeTypes.ItemChanged, "100001", null)]
    [InlineData(ErpChangeTypes.InventoryChanged, "100001", null)]
    [InlineData(ErpChangeTypes.PriceChanged, "100001", null)]
    [InlineData(ErpChangeTypes.PriceChanged, "100001", "20001")]
    [InlineData(ErpChangeTypes.CustomerChanged, null, "20001")]
    public void Owner_KeysOneChangeMakesStale_ShareOneOwner(string type, string? sku, string? customerId) =>
        Assert.Single(CacheKeys.StaleAfter(Change(type, sku, customerId)).Select(CacheKeys.Owner).Distinct());

    [Fact]
    public void Owner_SkuAndCustomerRegions_NameTheirEntity()
    {
        Assert.Equal("sku:A|B", CacheKeys.Owner("product:A|B"));
        Assert.Equal("sku:A|B", CacheKeys.Owner("list:" + CacheKeys.ListPrice("A|B", "USD")));
        Assert.Equal("customer:20001", CacheKeys.Owner("contract:20001"));
        Assert.Equal("order:SO-0000007", CacheKeys.Owner("invoice:SO-0000007"));
    }
}

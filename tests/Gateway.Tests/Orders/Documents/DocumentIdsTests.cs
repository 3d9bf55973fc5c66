using Gateway.Orders.Documents;

namespace Gateway.Tests.Orders.Documents;

public sealed class DocumentIdsTests
{
    const string OrderId = "ord_019adf0c6b6e7a3c9f1e2d3c4b5a6978";

    [Fact]
    public void ParseShipment_IdOfAPart_GivesTheOrderAndPart() =>
        Assert.Equal((OrderId, 2), DocumentIds.ParseShipment(DocumentIds.Shipment(OrderId, 2)));

    [Theory]
    [InlineData("shp_019adf0c6b6e7a3c9f1e2d3c4b5a6978_0")]
    [InlineData("shp_019adf0c6b6e7a3c9f1e2d3c4b5a6978_01")]
    [InlineData("shp_019adf0c6b6e7a3c9f1e2d3c4b5a6978_x")]
    [InlineData("shp_019ADF0C6B6E7A3C9F1E2D3C4B5A6978_1")]
    [InlineData("shp_019adf0c6b6e7a3c9f1e2d3c4b5a69_1")]
    [InlineData("inv_019adf0c6b6e7a3c9f1e2d3c4b5a6978")]
    [InlineData("")]
    public void ParseShipment_AnythingElse_IsNull(string id) => Assert.Null(DocumentIds.ParseShipment(id));

    [Fact]
    public void OrderOfInvoice_InvoiceId_GivesTheOrder() => Assert.Equal(OrderId, DocumentIds.OrderOfInvoice(DocumentIds.Invoice(OrderId)));

    [Fact]
    public void Return_TwoScopedKeys_GiveTwoIdsOfTheSameOrder()
    {
        var one = DocumentIds.Return(OrderId, "scope-a");
        var other = DocumentIds.Return(OrderId, "scope-b");

        Assert.NotEqual(one, other);
        Assert.Equal(one, DocumentIds.Return(OrderId, "scope-a"));
        Assert.Equal(OrderId, DocumentIds.OrderOfReturn(one));
        Assert.Equal(OrderId, DocumentIds.OrderOfReturn(other));
        Assert.Null(DocumentIds.OrderOfReturn(one[..^1] + "z"));
    }

    [Theory]
    [InlineData(OrderId, OrderId)]
    [InlineData(OrderId + "-2", OrderId)]
    [InlineData(OrderId + "2", null)]
    [InlineData("PO-4711", null)]
    public void OrderOfReference_ErpExternalReference_GivesTheOrderOrNull(string reference, string? expected) =>
        Assert.Equal(expected, DocumentIds.OrderOfReference(reference));
}

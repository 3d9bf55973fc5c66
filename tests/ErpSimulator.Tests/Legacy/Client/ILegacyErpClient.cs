using System.ServiceModel;

namespace ErpSimulator.Tests.Legacy.Client;

/// <summary>The legacy ERP as a WCF client sees it (names, namespace and SOAPActions from the WSDL).</summary>
[ServiceContract(Namespace = LegacyWire.Namespace, Name = "ILegacyErpService")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface ILegacyErpClient
{
    [OperationContract(Action = LegacyWire.ActionPrefix + "GetItems", ReplyAction = "*")]
    Task<GetItemsResult> GetItems(string[] ItemNumbers);

    [OperationContract(Action = LegacyWire.ActionPrefix + "SearchItems", ReplyAction = "*")]
    Task<SearchItemsResult> SearchItems(string? Category, string? Text, int StartRow, int MaxRows);

    [OperationContract(Action = LegacyWire.ActionPrefix + "GetCustomers", ReplyAction = "*")]
    Task<GetCustomersResult> GetCustomers(string[] CustomerNumbers);

    [OperationContract(Action = LegacyWire.ActionPrefix + "GetPriceQuote", ReplyAction = "*")]
    Task<GetPriceQuoteResult> GetPriceQuote(string CustomerNumber, string Quantity, string[] ItemNumbers);

    [OperationContract(Action = LegacyWire.ActionPrefix + "GetListPrices", ReplyAction = "*")]
    Task<GetListPricesResult> GetListPrices(string Currency, string[] ItemNumbers);

    [OperationContract(Action = LegacyWire.ActionPrefix + "GetContractPrices", ReplyAction = "*")]
    Task<GetContractPricesResult> GetContractPrices(string CustomerNumber);

    [OperationContract(Action = LegacyWire.ActionPrefix + "GetPromotions", ReplyAction = "*")]
    Task<GetPromotionsResult> GetPromotions(string[] ItemNumbers);

    [OperationContract(Action = LegacyWire.ActionPrefix + "GetStock", ReplyAction = "*")]
    Task<GetStockResult> GetStock(string[] ItemNumbers);

    [OperationContract(Action = LegacyWire.ActionPrefix + "CreateSalesOrder", ReplyAction = "*")]
    Task<CreateSalesOrderResult> CreateSalesOrder(
        string ExternalRef, string CustomerNumber, string ShipTo, string? PoNumber, LegacyOrderLine[] Lines);

    [OperationContract(Action = LegacyWire.ActionPrefix + "GetSalesOrders", ReplyAction = "*")]
    Task<GetSalesOrdersResult> GetSalesOrders(string[]? OrderNumbers, string? ExternalRef);

    [OperationContract(Action = LegacyWire.ActionPrefix + "GetChanges", ReplyAction = "*")]
    Task<GetChangesResult> GetChanges(string? SinceToken, int MaxCount);
}

public static class LegacyWire
{
    public const string Namespace = "urn:distributor:legacy-erp:v1";
    public const string ActionPrefix = Namespace + "/ILegacyErpService/";
    public const string Path = "/legacy/ErpService.asmx";
}

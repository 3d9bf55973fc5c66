using System.ServiceModel;

namespace Gateway.Erp.Legacy.Contract;

// The gateway's client-side copy of the legacy ERP's contract (api-specs/erp/legacy-erp.wsdl): element names,
// namespaces and SOAP actions must stay exactly the ERP's. Public only because XmlSerializer and ChannelFactory
// require it; nothing outside Gateway.Erp/Legacy uses these types.

/// <summary>
/// The legacy ERP's SOAP 1.1 service (document/literal wrapped, XmlSerializer), as described in
/// api-specs/erp/README.md. ASMX-shaped on purpose: request fields are the operation's parameters
/// (GetItems/ItemNumbers/string, as ASMX did), the answer is one result element (GetItemsResponse/GetItemsResult/Items/Item).
/// Parameter names are the wire's element names, hence PascalCase.
/// </summary>
[ServiceContract(Namespace = LegacyErpNamespace.Value, Name = "ILegacyErpService")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface ILegacyErpService
{
    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "GetItems", ReplyAction = "*")]
    Task<GetItemsResult> GetItems(string[] ItemNumbers);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "SearchItems", ReplyAction = "*")]
    Task<SearchItemsResult> SearchItems(string? Category, string? Text, int StartRow, int MaxRows);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "GetCustomers", ReplyAction = "*")]
    Task<GetCustomersResult> GetCustomers(string[] CustomerNumbers);


    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "GetListPrices", ReplyAction = "*")]
    Task<GetListPricesResult> GetListPrices(string Currency, string[] ItemNumbers);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "GetContractPrices", ReplyAction = "*")]
    Task<GetContractPricesResult> GetContractPrices(string CustomerNumber);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "GetPromotions", ReplyAction = "*")]
    Task<GetPromotionsResult> GetPromotions(string[] ItemNumbers);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "GetStock", ReplyAction = "*")]
    Task<GetStockResult> GetStock(string[] ItemNumbers);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "CreateSalesOrder", ReplyAction = "*")]
    Task<CreateSalesOrderResult> CreateSalesOrder(
        string ExternalRef, string CustomerNumber, string ShipTo, string? PoNumber, LegacyOrderLine[] Lines);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "GetSalesOrders", ReplyAction = "*")]
    Task<GetSalesOrdersResult> GetSalesOrders(string[]? OrderNumbers, string? ExternalRef);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "GetShipments", ReplyAction = "*")]
    Task<GetShipmentsResult> GetShipments(string OrderNumber);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "GetInvoices", ReplyAction = "*")]
    Task<GetInvoicesResult> GetInvoices(string? OrderNumber, string? CustomerNumber, string? SinceDate, int StartRow, int MaxRows);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "CreateReturn", ReplyAction = "*")]
    Task<CreateReturnResult> CreateReturn(string ExternalRef, string OrderNumber, LegacyReturnLine[] Lines, string? ReasonText);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "GetReturns", ReplyAction = "*")]
    Task<GetReturnsResult> GetReturns(string ExternalRef);

    [OperationContract(Action = LegacyErpNamespace.ActionPrefix + "GetChanges", ReplyAction = "*")]
    Task<GetChangesResult> GetChanges(string? SinceToken, int MaxCount);
}

/// <summary>The XML namespace and SOAPAction prefix every legacy message uses.</summary>
public static class LegacyErpNamespace
{
    public const string Value = "urn:distributor:legacy-erp:v1";

    /// <summary>SOAPAction = this prefix + the operation name (WCF's default form, spelled out so a client can match it).</summary>
    public const string ActionPrefix = Value + "/ILegacyErpService/";
}

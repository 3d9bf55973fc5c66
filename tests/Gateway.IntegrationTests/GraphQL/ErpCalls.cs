using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>The simulator's operations by domain, as each ERP names them, and the calls a request caused.</summary>
internal static class ErpCalls
{
    public static readonly string[] CloudPricing = ["pricing.listPrices", "pricing.contracts", "pricing.promotions"];
    public static readonly string[] LegacyPricing = ["GetListPrices", "GetContractPrices", "GetPromotions"];
    public static readonly string[] CloudStock = ["inventory.get"];
    public static readonly string[] LegacyStock = ["GetStock"];

    public static string[] Pricing(string erp) => erp == "Cloud" ? CloudPricing : LegacyPricing;

    public static string[] Stock(string erp) => erp == "Cloud" ? CloudStock : LegacyStock;

    public static SimBackendStats Of(this SimStats stats, string erp) => erp == "Cloud" ? stats.Cloud : stats.Legacy;

    public static long CallsOf(this SimBackendStats backend, IEnumerable<string> operations) => operations.Sum(backend.CallsOf);

    /// <summary>Every call a request made; the legacy change feed is polled in the background and does not count.</summary>
    public static long ForegroundCalls(this SimStats stats) => stats.Cloud.Calls + stats.Legacy.Calls - stats.Legacy.CallsOf("GetChanges");
}

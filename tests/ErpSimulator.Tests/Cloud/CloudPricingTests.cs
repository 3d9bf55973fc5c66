using System.Net;
using ErpSimulator.Cloud;
using ErpSimulator.Data;

namespace ErpSimulator.Tests.Cloud;

[Collection(SharedSimulator.Name)]
public sealed class CloudPricingTests(SimulatorFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Quote_ContractSkuAmongOthers_ContractPriceForItAndListOrPromotionForTheRest()
    {
        var sample = await Client.GetJsonAsync<DataSample>("_sim/sample?skus=20&customers=3");
        var customer = sample.Customers[1];
        var contractSku = customer.ContractSkus[0];
        var otherSkus = sample.Skus.Except(customer.ContractSkus).ToList();

        using var response = await Client.PostJsonAsync("cloud/api/pricing/quotes", new CloudQuoteRequest(customer.CustomerId, 1, [contractSku, .. otherSkus, "999999"]));
        var quote = await response.ReadAsync<CloudQuote>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(otherSkus.Count + 1, quote.Lines.Count);
        Assert.Equal("contract", quote.Lines.Single(l => l.Sku == contractSku).Source);
        Assert.All(quote.Lines.Where(l => l.Sku != contractSku), l => Assert.Contains(l.Source, new[] { "list", "promotion" }));
        Assert.All(quote.Lines.Where(l => l.Source == "list"), l => Assert.Equal(l.ListPrice, l.UnitPrice));
        Assert.All(quote.Lines.Where(l => l.Source == "promotion"), l => Assert.True(l.UnitPrice < l.ListPrice));
    }

    [Fact]
    public async Task Quote_UnknownCustomerZeroQuantityOrTooManySkus_Refused()
    {
        using var unknown = await Client.PostJsonAsync("cloud/api/pricing/quotes", new CloudQuoteRequest("29999", 1, ["100001"]));
        using var zero = await Client.PostJsonAsync("cloud/api/pricing/quotes", new CloudQuoteRequest("20001", 0, ["100001"]));
        using var tooMany = await Client.PostJsonAsync("cloud/api/pricing/quotes",
            new CloudQuoteRequest("20001", 1, [.. Enumerable.Range(100_000, 101).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))]));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal("quantity", (await zero.ReadAsync<CloudError>()).Error.Field);
        Assert.Equal("batch_too_large", (await tooMany.ReadAsync<CloudError>()).Error.Code);
    }

    [Fact]
    public async Task ContractsAndListPrices_PerCustomerAndCurrency_AreServed()
    {
        var contracts = await Client.GetJsonAsync<CloudContracts>("cloud/api/pricing/contracts/20002");
        var cad = await Client.GetJsonAsync<CloudList<CloudListPrice>>("cloud/api/pricing/list-prices?currency=CAD&skus=100001,100002");
        var usd = await Client.GetJsonAsync<CloudList<CloudListPrice>>("cloud/api/pricing/list-prices?currency=usd&skus=100001,100002");

        Assert.InRange(contracts.Data.Count, 40, 120);
        Assert.All(contracts.Data, c => Assert.Equal(1, c.Breaks[0].MinQuantity));
        Assert.Equal(2, cad.Data.Count);
        Assert.Equal(Math.Round(usd.Data[0].Breaks[0].UnitPrice * 1.35m, 2, MidpointRounding.AwayFromZero), cad.Data[0].Breaks[0].UnitPrice);
    }
}

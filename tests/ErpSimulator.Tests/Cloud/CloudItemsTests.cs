using System.Net;
using ErpSimulator.Cloud;

namespace ErpSimulator.Tests.Cloud;

[Collection(SharedSimulator.Name)]
public sealed class CloudItemsTests(SimulatorFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task ListItems_PagesOfACategory_AddUpToTheTotalInSkuOrder()
    {
        var first = await Client.GetJsonAsync<CloudPage<CloudItem>>("cloud/api/items?category=tools&limit=100");
        var skus = new List<string>(first.Data.Select(i => i.Sku));
        for (var offset = 100; offset < first.Total; offset += 100)
        {
            var page = await Client.GetJsonAsync<CloudPage<CloudItem>>($"cloud/api/items?category=TOOLS&offset={offset}&limit=100");
            Assert.Equal(first.Total, page.Total);
            Assert.Equal(offset, page.Offset);
            Assert.Equal(100, page.Limit);
            skus.AddRange(page.Data.Select(i => i.Sku));
        }

        Assert.InRange(first.Total, 101, 10_000);
        Assert.Equal(first.Total, skus.Count);
        Assert.Equal(skus.Order(StringComparer.Ordinal), skus);
        Assert.Equal(skus.Count, skus.Distinct().Count());
    }

    [Fact]
    public async Task ListItems_CategoryAndSearch_MatchCategoryExactlyAndTextInNameOrDescription()
    {
        var page = await Client.GetJsonAsync<CloudPage<CloudItem>>("cloud/api/items?category=Fasteners&search=hex%20BOLT&limit=100");

        Assert.NotEmpty(page.Data);
        Assert.All(page.Data, i => Assert.Equal("Fasteners", i.Category));
        Assert.All(page.Data, i => Assert.Contains("hex bolt", (i.Name + i.Description).ToLowerInvariant(), StringComparison.Ordinal));
        var unknown = await Client.GetJsonAsync<CloudPage<CloudItem>>("cloud/api/items?category=Fastener");
        Assert.Equal(0, unknown.Total);
    }

    [Fact]
    public async Task ListItems_BySkus_LeavesOutUnknownSkusAndRefusesMoreThan100()
    {
        var found = await Client.GetJsonAsync<CloudList<CloudItem>>("cloud/api/items?skus=100001,999999,100002");
        Assert.Equal(["100001", "100002"], found.Data.Select(i => i.Sku));

        var tooMany = string.Join(',', Enumerable.Range(100_000, 101));
        using var response = await Client.GetAsync(new Uri($"cloud/api/items?skus={tooMany}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("batch_too_large", (await response.ReadAsync<CloudError>()).Error.Code);
    }

    [Fact]
    public async Task GetItem_UnknownSku_Is404NotFound()
    {
        using var response = await Client.GetAsync(new Uri("cloud/api/items/999999", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.ReadAsync<CloudError>()).Error.Code);
    }

    [Fact]
    public async Task ListItems_BadPagingValues_Are400NamingTheField()
    {
        using var limit = await Client.GetAsync(new Uri("cloud/api/items?limit=101", UriKind.Relative), TestContext.Current.CancellationToken);
        using var offset = await Client.GetAsync(new Uri("cloud/api/items?offset=abc", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, limit.StatusCode);
        Assert.Equal("limit", (await limit.ReadAsync<CloudError>()).Error.Field);
        Assert.Equal(HttpStatusCode.BadRequest, offset.StatusCode);
        Assert.Contains("offset", (await offset.ReadAsync<CloudError>()).Error.Message, StringComparison.Ordinal);
    }
}

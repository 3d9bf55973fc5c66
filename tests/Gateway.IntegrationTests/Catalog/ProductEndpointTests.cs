using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.CanonicalApi.Problems;
using Gateway.Catalog;
using Gateway.IntegrationTests.CanonicalApi;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Catalog;

[Collection(SharedCanonicalApi.Name)]
public sealed class ProductEndpointTests(CanonicalApiFixture fixture)
{
    static readonly string[] PinnedFields = ["sku", "name", "description", "category", "uom", "status", "version", "updatedAt"];

    HttpClient Admin => fixture.Gateway.Admin;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Product_is_answered_with_the_pinned_fields()
    {
        var sku = fixture.Sample.Skus[7];

        var product = await Admin.GetFromJsonAsync<JsonElement>($"v1/products/{sku}", Ct);

        foreach (var field in PinnedFields)
        {
            Assert.True(product.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal(sku, product.GetProperty("sku").GetString());
        Assert.Equal("Active", product.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_product_is_a_404_problem()
    {
        var problem = await Problem.GetAsync(Admin, "v1/products/NO-SUCH-SKU");

        problem.AssertIs(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task A_category_is_listed_page_by_page_until_the_cursor_is_null()
    {
        var category = (await Admin.GetFromJsonAsync<JsonElement>($"v1/products/{fixture.Sample.Skus[3]}", Ct)).GetProperty("category").GetString()!;
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var path = $"v1/products?category={Uri.EscapeDataString(category)}&limit=200" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await Admin.GetFromJsonAsync<JsonElement>(path, Ct);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.All(items, i => Assert.Equal(category, i.GetProperty("category").GetString(), ignoreCase: true));
            seen.AddRange(items.Select(i => i.GetProperty("sku").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.Null(cursor);
        Assert.True(pages > 1, "a category of a 10 000-item data set spans several pages of 200");
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task A_page_without_limit_has_fifty_products()
    {
        var page = await Admin.GetFromJsonAsync<JsonElement>("v1/products", Ct);

        Assert.Equal(50, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.String, page.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("not-a-cursor!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public async Task Malformed_cursor_is_a_400_naming_cursor(string cursor)
    {
        var problem = await Problem.GetAsync(Admin, $"v1/products?cursor={Uri.EscapeDataString(cursor)}");

        problem.AssertIs(HttpStatusCode.BadRequest, ProblemTypes.InvalidRequest);
        Assert.Equal(["cursor"], problem.Fields);
    }

    [Fact]
    public async Task Cursor_reused_with_other_filters_is_a_400_naming_cursor()
    {
        var first = await Admin.GetFromJsonAsync<JsonElement>("v1/products?limit=5", Ct);
        var cursor = first.GetProperty("nextCursor").GetString();

        var problem = await Problem.GetAsync(Admin, $"v1/products?q=steel&cursor={cursor}");

        problem.AssertIs(HttpStatusCode.BadRequest, ProblemTypes.InvalidRequest);
        Assert.Equal(["cursor"], problem.Fields);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("-3")]
    [InlineData("many")]
    public async Task Limit_out_of_range_is_a_400_naming_limit(string limit)
    {
        var problem = await Problem.GetAsync(Admin, $"v1/products?limit={limit}");

        problem.AssertIs(HttpStatusCode.BadRequest, ProblemTypes.InvalidRequest);
        Assert.Equal(["limit"], problem.Fields);
    }

    [Theory]
    [InlineData("q")]
    [InlineData("category")]
    public async Task A_filter_longer_than_its_documented_bound_is_a_400_naming_it(string field)
    {
        using var atBound = await Admin.GetAsync(new Uri($"v1/products?{field}={new string('x', ProductEndpoints.MaxFilterLength)}", UriKind.Relative), Ct);
        var problem = await Problem.GetAsync(Admin, $"v1/products?{field}={new string('x', ProductEndpoints.MaxFilterLength + 1)}");

        Assert.Equal(HttpStatusCode.OK, atBound.StatusCode);
        problem.AssertIs(HttpStatusCode.BadRequest, ProblemTypes.InvalidRequest);
        Assert.Equal([field], problem.Fields);
    }

    [Fact]
    public async Task Products_need_a_credential_and_the_catalog_scope()
    {
        var sku = fixture.Sample.Skus[0];
        var customer = fixture.Sample.Customers[0].CustomerId;

        using var anonymous = await fixture.Gateway.Client.GetAsync(new Uri($"v1/products/{sku}", UriKind.Relative), Ct);
        using var wrongScope = await fixture.Gateway.ClientFor(TestTokens.Storefront(customer, "pricing:read"))
            .GetAsync(new Uri($"v1/products/{sku}", UriKind.Relative), Ct);
        using var storefront = await fixture.Gateway.ClientFor(TestTokens.Storefront(customer, "catalog:read"))
            .GetAsync(new Uri($"v1/products/{sku}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongScope.StatusCode);
        Assert.Equal(HttpStatusCode.OK, storefront.StatusCode);
    }
}

using System.Text.Json;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.GraphQL;

namespace Gateway.IntegrationTests.Versions;

/// <summary>A GraphQL field deprecated by configuration: <c>@deprecated(reason:)</c> in introspection and the SDL, and its calls counted per caller.</summary>
[Collection(VersionsCluster.Name)]
public sealed class GraphQLDeprecationTests(VersionsClusterFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Introspection_shows_the_configured_deprecation()
    {
        var answer = await fixture.A.Client.QueryAsync(TestTokens.AdminToken, """
            { __type(name: "Product") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }
            """);

        var fields = answer.Data!["__type"]!["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>());
        Assert.True(fields["description"]!["isDeprecated"]!.GetValue<bool>());
        Assert.Equal(VersionsClusterFixture.FieldReason, fields["description"]!["deprecationReason"]!.GetValue<string>());
        Assert.False(fields["name"]!["isDeprecated"]!.GetValue<bool>());

        var sdl = await fixture.A.Client.GetStringAsync(new Uri("graphql/schema.graphql", UriKind.Relative), Ct);
        Assert.Contains($"@deprecated(reason: \"{VersionsClusterFixture.FieldReason}\")", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_of_a_deprecated_field_are_counted_per_caller_and_shown_to_it()
    {
        var token = TestTokens.Storefront(fixture.Sample.Customers[0].CustomerId, ["catalog:read"], TimeSpan.FromMinutes(10), subject: "deprecation-app");
        var query = "query($sku: ID!) { product(sku: $sku) { sku description } }";
        for (var i = 0; i < 3; i++)
        {
            // The second and third are kept answers: counted all the same.
            var answer = await fixture.B.Client.QueryAsync(token, query, new { sku = fixture.Sample.Skus[9] });
            Assert.Empty(answer.Errors);
        }

        var other = await fixture.B.Client.QueryAsync(token, "query($sku: ID!) { product(sku: $sku) { sku name } }", new { sku = fixture.Sample.Skus[9] });
        Assert.Empty(other.Errors);

        var caller = await Eventually.WaitForAsync(
            () => UsageTests.CallerAsync(fixture.A, VersionsClusterFixture.DeprecatedField, "app:deprecation-app"),
            c => c?.GetProperty("calls").GetInt64() == 3);
        Assert.Equal(3, caller!.Value.GetProperty("calls").GetInt64());

        using var client = fixture.A.ClientFor(token);
        var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("v2/me", UriKind.Relative), Ct)).RootElement;
        var use = me.GetProperty("deprecatedUsage").EnumerateArray().Single(u => u.GetProperty("field").GetString() == VersionsClusterFixture.DeprecatedField);
        Assert.Equal(3, use.GetProperty("calls").GetInt64());
        Assert.Equal(VersionsClusterFixture.FieldReason, use.GetProperty("reason").GetString());
    }
}

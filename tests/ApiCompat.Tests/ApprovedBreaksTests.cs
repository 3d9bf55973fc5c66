namespace ApiCompat.Tests;

public sealed class ApprovedBreaksTests
{
    static readonly Break Removed = new(BreakRules.PathRemoved, "/v1/categories", "the path is gone");

    [Fact]
    public void Approves_SameDocumentRuleAndLocation_True()
    {
        var sut = ApprovedBreaks.Parse("""{ "breaks": [ { "document": "api-specs/canonical/v1.json", "rule": "path-removed", "location": "/v1/categories", "reason": "merged into /v1/products" } ] }""");

        Assert.True(sut.Approves("api-specs/canonical/v1.json", Removed));
    }

    [Theory]
    [InlineData("api-specs/canonical/v2.json", "path-removed", "/v1/categories")]
    [InlineData("api-specs/canonical/v1.json", "operation-removed", "/v1/categories")]
    [InlineData("api-specs/canonical/v1.json", "path-removed", "/v1/categories/{}")]
    public void Approves_AnotherDocumentRuleOrLocation_False(string document, string rule, string location)
    {
        var sut = ApprovedBreaks.Parse($$"""{ "breaks": [ { "document": "{{document}}", "rule": "{{rule}}", "location": "{{location}}", "reason": "r" } ] }""");

        Assert.False(sut.Approves("api-specs/canonical/v1.json", Removed));
    }

    [Theory]
    [InlineData("""{ "breaks": [ { "document": "d", "rule": "r", "location": "l" } ] }""", "gives no reason")]
    [InlineData("""{ "breaks": [ { "document": "d", "location": "l", "reason": "r" } ] }""", "needs document, rule and location")]
    [InlineData("""{ "approved": [] }""", "\"breaks\" is missing")]
    [InlineData("""[ 1, 2 ]""", "not JSON of the shape")]
    public void Parse_MalformedFile_Throws(string json, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => ApprovedBreaks.Parse(json));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Runtime.CompilerServices;

namespace Gateway.IntegrationTests.CanonicalApi;

/// <summary>The committed api-specs/canonical/v1.json and v2.json are the documents the real gateway serves: every contract change is a reviewed diff.</summary>
[Collection(SharedCanonicalApi.Name)]
public sealed class OpenApiDocumentTests(CanonicalApiFixture fixture)
{
    const string Regenerate =
        "If the change is intended, regenerate it with: UPDATE_API_SPECS=1 dotnet test --project tests/Gateway.IntegrationTests -c Release -- --filter-class \"*OpenApiDocumentTests\" and commit the diff.";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Served_openapi_document_equals_the_committed_one() => AssertServedEqualsCommittedAsync("v1");

    [Fact]
    public Task Served_v2_openapi_document_equals_the_committed_one() => AssertServedEqualsCommittedAsync("v2");

    async Task AssertServedEqualsCommittedAsync(string version)
    {
        var served = Normalize(await fixture.Gateway.Client.GetStringAsync(new Uri($"swagger/{version}/swagger.json", UriKind.Relative), Ct));
        var committedPath = Path.Combine(RepositoryRoot(), "api-specs", "canonical", version + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_API_SPECS") == "1")
        {
            await File.WriteAllTextAsync(committedPath, served, Ct);
        }

        Assert.True(File.Exists(committedPath), $"{committedPath} is missing. {Regenerate}");
        var committed = Normalize(await File.ReadAllTextAsync(committedPath, Ct));
        Assert.True(served == committed, $"The served /swagger/{version}/swagger.json differs from {committedPath}. {Regenerate}");
    }

    [Fact]
    public async Task Swagger_ui_lists_both_versions()
    {
        var initializer = await fixture.Gateway.Client.GetStringAsync(new Uri("swagger/index.js", UriKind.Relative), Ct);

        Assert.Contains("/swagger/v1/swagger.json", initializer, StringComparison.Ordinal);
        Assert.Contains("/swagger/v2/swagger.json", initializer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V2_document_describes_only_v2()
    {
        var served = await fixture.Gateway.Client.GetStringAsync(new Uri("swagger/v2/swagger.json", UriKind.Relative), Ct);

        Assert.Contains("\"/v2/prices\"", served, StringComparison.Ordinal);
        Assert.Contains("\"/v2/me\"", served, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/v1/", served, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swagger_ui_is_served_without_a_credential()
    {
        using var response = await fixture.Gateway.Client.GetAsync(new Uri("swagger/index.html", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Document_describes_only_the_versioned_api()
    {
        var served = await fixture.Gateway.Client.GetStringAsync(new Uri("swagger/v1/swagger.json", UriKind.Relative), Ct);

        Assert.Contains("\"/v1/prices\"", served, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/health", served, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/admin", served, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/erp", served, StringComparison.Ordinal);
    }

    static string Normalize(string json) => json.ReplaceLineEndings("\n").TrimEnd() + "\n";

    /// <summary>Found from this source file's path, so it works wherever the test binaries are.</summary>
    static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new FileInfo(sourceFile).Directory; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Gateway.sln not found above " + sourceFile);
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>GraphiQL at /graphql/playground: served by the gateway itself, nothing loaded from elsewhere.</summary>
[Collection(GraphQLTests.Name)]
public sealed partial class GraphiQLPageTests(GraphQLGateway gateway)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_and_every_file_it_loads_are_served_with_their_content_types_and_no_external_url()
    {
        var client = gateway.Client();
        using var page = await client.GetAsync(new Uri("/graphql/playground", UriKind.Relative), Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'none'; script-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotMatch("(?i)https?://|//[a-z0-9.-]+\\.[a-z]{2,}/", html);

        var loaded = LoadedFiles().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.Equal(
            ["/graphql/playground/graphiql.min.css", "/graphql/playground/react.production.min.js", "/graphql/playground/react-dom.production.min.js",
             "/graphql/playground/graphiql.min.js", "/graphql/playground/graphiql-start.js"],
            loaded);
        foreach (var url in loaded)
        {
            using var file = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(url.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True((await file.Content.ReadAsByteArrayAsync(Ct)).Length > 100, url);
        }
    }

    [Theory]
    [InlineData("LICENSE.graphiql")]
    [InlineData("LICENSE.react")]
    [InlineData("LICENSE.react-dom")]
    public async Task The_vendored_files_licences_are_served_beside_them(string file)
    {
        var licence = await gateway.Client().GetStringAsync(new Uri($"/graphql/playground/{file}", UriKind.Relative), Ct);

        Assert.Contains("MIT License", licence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("playground.js")]
    [InlineData("playground.css")]
    [InlineData("graphiql.html")]
    [InlineData("..%2Fappsettings.json")]
    public async Task Files_other_than_graphiqls_are_not_found(string file)
    {
        using var answer = await gateway.Client().GetAsync(new Uri($"/graphql/playground/{file}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task Chromium_renders_graphiql_from_the_gateway_alone()
    {
        var chromium = new[] { "chromium", "chromium-browser" }
            .Select(name => Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists))
            .FirstOrDefault(path => path is not null);
        if (chromium is null)
        {
            Assert.Skip("chromium is not installed (tests/run.sh installs it on CI)");
        }

        var profile = Directory.CreateTempSubdirectory("graphiql-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile.FullName}",
                "--virtual-time-budget=10000", "--dump-dom", new Uri(gateway.Client().BaseAddress!, "/graphql/playground").ToString() })
            {
                start.ArgumentList.Add(argument);
            }

            using var browser = Process.Start(start)!;
            var dom = browser.StandardOutput.ReadToEndAsync(Ct);
            _ = browser.StandardError.ReadToEndAsync(Ct);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            deadline.CancelAfter(TimeSpan.FromMinutes(2));
            await browser.WaitForExitAsync(deadline.Token);

            // Rendered by React from the vendored bundle: the loading text is replaced by GraphiQL's editors and run button.
            var rendered = await dom;
            Assert.Contains("graphiql-container", rendered, StringComparison.Ordinal);
            Assert.Contains("graphiql-execute-button", rendered, StringComparison.Ordinal);
            Assert.DoesNotContain("Loading GraphiQL", rendered, StringComparison.Ordinal);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex LoadedFiles();
}

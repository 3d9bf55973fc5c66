using System.Net;
using System.Text.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Edge.Authentication;
using Microsoft.Extensions.Options;

namespace Gateway.IntegrationTests.Admin;

/// <summary>Customer ids the admin API takes match <c>Admin:CustomerIdPattern</c> as a whole; no id can read as a list.</summary>
public sealed class CustomerIdTests(EdgeHostFixture fixture) : IClassFixture<EdgeHostFixture>
{
    readonly AdminClient _admin = new(fixture.Host.Client);

    public static TheoryData<string> BadIds() =>
    [
        "",
        " ",
        "20001 20002",
        " 20001",
        "20001,20002",
        "20001:20002",
        "20001;20002",
        "\"20001\"",
        "2000'1",
        "20001\n",
        "20001\u0000",
        "Kunde-Müller",
        "２０００１",
        "20001\u202E",
        "a/b",
        new string('a', 65),
    ];

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task A_customer_id_outside_the_pattern_answers_400_naming_its_index(string badId)
    {
        using var response = await CreateAsync(["C0001", "C0002", "C0003", badId]);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("customerIds[3]", out _), $"expected an error for customerIds[3]: {problem}");
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task Ids_of_letters_digits_dashes_underscores_and_dots_up_to_64_characters_are_accepted()
    {
        using var response = await CreateAsync(["20001", "C-0001_a.b", new string('z', 64)]);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("[A-Z")]
    [InlineData("(?<=a)b")]
    [InlineData("[A-Za-z0-9,]{1,64}")]
    [InlineData(".*")]
    public async Task A_pattern_that_does_not_compile_or_accepts_a_list_stops_start_up_naming_the_key(string pattern)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var host = await EdgeHost.StartAsync(new Dictionary<string, string?> { ["Admin:CustomerIdPattern"] = pattern });
        });

        Assert.Contains("Admin:CustomerIdPattern", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_pattern_replaces_the_default()
    {
        await using var host = await EdgeHost.StartAsync(new Dictionary<string, string?> { ["Admin:CustomerIdPattern"] = "[0-9]{5}" });
        var admin = new AdminClient(host.Client);

        using var accepted = await admin.SendAsync(HttpMethod.Post, "/admin/partners", Partner(["20001"]));
        using var refused = await admin.SendAsync(HttpMethod.Post, "/admin/partners", Partner(["C0001"]));

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        await Problems.AssertProblemAsync(refused, HttpStatusCode.BadRequest);
    }

    Task<HttpResponseMessage> CreateAsync(string[] customerIds) => _admin.SendAsync(HttpMethod.Post, "/admin/partners", Partner(customerIds));

    static StringContent Partner(string[] customerIds) => new(
        JsonSerializer.Serialize(new
        {
            name = "Ids",
            scopes = new[] { Scopes.CatalogRead },
            customerIds,
            plan = new { requestsPerSecond = 5, burst = 10, dailyQuota = 1000 },
        }),
        System.Text.Encoding.UTF8,
        "application/json");
}

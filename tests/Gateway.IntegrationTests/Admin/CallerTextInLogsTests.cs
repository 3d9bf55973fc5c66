using System.Net;
using Gateway.Edge.ApiKeys;
using Gateway.IntegrationTests.Edge.Authentication;

namespace Gateway.IntegrationTests.Admin;

/// <summary>What a caller puts in a route reaches the log and the audit trail escaped and masked, never raw.</summary>
public sealed class CallerTextInLogsTests(EdgeHostFixture fixture) : IClassFixture<EdgeHostFixture>
{
    readonly EdgeHost _host = fixture.Host;
    readonly AdminClient _admin = new(fixture.Host.Client);

    [Fact]
    public async Task A_forged_log_line_and_a_pasted_key_in_a_route_reach_neither_log_nor_audit_raw()
    {
        var (keyId, key) = PartnerKeyFormat.Generate();
        var forged = "ptn_1\r\nInformation Gateway.Admin: Admin action key.revoke by admin: 204 " + key;

        using var response = await _admin.SendAsync(HttpMethod.Post, $"/admin/partners/{Uri.EscapeDataString(forged)}/keys");
        using var audit = await _admin.SendAsync(HttpMethod.Get, "/admin/audit?limit=1000");

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        // Every line but ASP.NET Core's request scope, which carries the path percent-encoded as the client sent it (so
        // no raw CR/LF); console and JSON formatters print scopes only with IncludeScopes.
        var lines = _host.Logs.Lines.Where(l => !l.StartsWith("Microsoft.AspNetCore.Hosting.Diagnostics scope:", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(lines, l => l.Contains("\r\nInformation", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(key, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ptn_1\\u000d\\u000aInformation", StringComparison.Ordinal) && l.Contains($"gw_{keyId}_***", StringComparison.Ordinal));
        var entries = (await AdminClient.ReadAsync(audit)).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("partnerId").GetString() ?? "").ToList();
        Assert.Contains(entries, id => id.StartsWith("ptn_1\\u000d\\u000a", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, id => id.Contains('\n', StringComparison.Ordinal) || id.Contains(key, StringComparison.Ordinal));
    }
}

using System.Net;
using Gateway.Edge;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Edge.Scoping;

/// <summary>
/// The sweep of every endpoint that takes a customer (or answers one's orders) with callers of another customer, before
/// and after a caller that does act for it had its answers kept: kept answers are shared only by callers with the same
/// rights, and no customer id can be crafted to borrow another caller's. The crafted storefront's one
/// <c>customer_id</c> is the partner's two accounts joined by a space, which a joined-string rights key read the same.
/// </summary>
[Collection(RealGateway.Name)]
public sealed class CustomerIsolationSweepTests(CustomerScopingFixture fixture)
{
    const string Missing = "99999999";
    static readonly string[] EveryScopeButAdmin = [.. Scopes.All.Where(s => s != Scopes.Admin)];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_caller_of_another_customer_gets_an_answer_before_or_after_the_customers_own_answers_were_kept()
    {
        var accounts = new[] { fixture.Own.CustomerId, fixture.Foreign.CustomerId }.Order(StringComparer.Ordinal).ToArray();
        using var owner = await PartnerClientAsync(accounts);
        using var crafted = fixture.Gateway.ClientFor(TestTokens.Storefront(string.Join(' ', accounts), EveryScopeButAdmin));
        HttpClient[] strangers = [crafted, fixture.ScopedClient("partner"), fixture.ScopedClient("storefront")];

        foreach (var (endpoint, call) in ScopedEndpoints.WithCustomer(fixture))
        {
            using var missing = await call(fixture.Gateway.Admin, Missing, "1");
            var expected = await ScopedEndpoints.AnswerAsync(missing, Missing);
            var foreign = fixture.Foreign;

            foreach (var stranger in strangers)
            {
                using var before = await call(stranger, foreign.CustomerId, foreign.ShipToIds[0]);
                Assert.Equal(expected, await ScopedEndpoints.AnswerAsync(before, foreign.CustomerId));
            }

            // Three reads: the first fills the cache from the ERP, the next are built from fresh entries and kept.
            for (var i = 0; i < 3; i++)
            {
                using var own = await call(owner, foreign.CustomerId, foreign.ShipToIds[0]);
                var answer = await own.Content.ReadAsStringAsync(Ct);
                Assert.True(own.IsSuccessStatusCode && !answer.Contains("\"errors\"", StringComparison.Ordinal), $"{endpoint}: the owner got {answer}");
            }

            foreach (var stranger in strangers)
            {
                using var after = await call(stranger, foreign.CustomerId, foreign.ShipToIds[0]);
                Assert.Equal(expected, await ScopedEndpoints.AnswerAsync(after, foreign.CustomerId));
            }
        }
    }

    [Fact]
    public async Task No_caller_of_another_customer_reads_its_orders_after_their_owner_did()
    {
        using var owner = await PartnerClientAsync([fixture.Foreign.CustomerId]);
        using var crafted = fixture.Gateway.ClientFor(TestTokens.Storefront(fixture.Own.CustomerId + " " + fixture.Foreign.CustomerId, EveryScopeButAdmin));
        HttpClient[] strangers = [crafted, fixture.ScopedClient("partner"), fixture.ScopedClient("storefront")];

        foreach (var (endpoint, call) in ScopedEndpoints.WithOrder())
        {
            using var missing = await call(fixture.Gateway.Admin, "ord_does_not_exist");
            var expected = await ScopedEndpoints.AnswerAsync(missing, "ord_does_not_exist");
            for (var i = 0; i < 3; i++)
            {
                using var own = await call(owner, fixture.ForeignOrderId);
                Assert.True(own.IsSuccessStatusCode, $"{endpoint}: the owner got {(int)own.StatusCode}");
            }

            foreach (var stranger in strangers)
            {
                using var after = await call(stranger, fixture.ForeignOrderId);
                Assert.Equal(expected, await ScopedEndpoints.AnswerAsync(after, fixture.ForeignOrderId));
            }
        }
    }

    async Task<HttpClient> PartnerClientAsync(string[] customerIds)
    {
        var admin = new AdminClient(fixture.Gateway.Admin);
        var partnerId = await admin.CreatePartnerAsync(EveryScopeButAdmin, customerIds, "Owner of the accounts");
        var (_, key) = await admin.IssueKeyAsync(partnerId);
        return new HttpClient { BaseAddress = fixture.Gateway.Address, DefaultRequestHeaders = { { "X-Api-Key", key } } };
    }
}

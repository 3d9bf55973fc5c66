using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;
using Microsoft.Playwright;

namespace Gateway.IntegrationTests.Operations;

/// <summary>
/// The operations console in headless Chromium against the real gateway, simulator and Redis: an operator signs in
/// with the admin credential, sees an order the ERP really rejected, replays it once the cause is fixed and sees it leave
/// the queue (and the ERP book it), resolves a price mismatch; a wrong credential gets no console.
/// </summary>
[Collection(SharedOperations.Name)]
public sealed class ConsoleBrowserTests(OperationsFixture fixture, ChromiumBrowser browser) : IClassFixture<ChromiumBrowser>
{
    readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operator_replays_a_rejected_order_after_the_fix_and_it_leaves_the_queue()
    {
        var page = await SignedInAsync();
        var customer = fixture.Customers[0].CustomerId;
        var (orderId, sku) = await fixture.PlaceRejectedAsync(customer: 0, sku: 3, _ct);

        var row = page.Locator($"#exceptions tr[data-order='{orderId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync("ErpRejected");
        await Assertions.Expect(row.Locator("td.reason")).ToContainTextAsync("is blocked");
        await ChromiumBrowser.ScreenshotAsync(page, "console-rejected-order");

        await fixture.SetItemStatusAsync(sku, "Active", _ct);
        await row.Locator("button[data-action='replay']").ClickAsync();

        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("replay done");
        await fixture.WaitForStatusAsync(customer, orderId, "Confirmed", _ct);
        var entry = Assert.Single(await fixture.ExceptionsOfAsync(orderId, _ct));
        Assert.Equal("Replayed", entry.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Operator_resolves_a_reviewed_price_mismatch()
    {
        var page = await SignedInAsync();
        var orderId = await fixture.PlacePriceMismatchAsync(customer: 1, sku: 4, _ct);

        var row = page.Locator($"#exceptions tr[data-order='{orderId}']");
        await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync("PriceMismatch");
        // A price mismatch held nothing back: it is resolved or cancelled, never replayed.
        await Assertions.Expect(row.Locator("button[data-action='replay']")).ToHaveCountAsync(0);
        await row.Locator("button[data-action='resolve']").ClickAsync();

        await Assertions.Expect(row).ToHaveCountAsync(0);
        var entry = Assert.Single(await fixture.ExceptionsOfAsync(orderId, _ct));
        Assert.Equal("Resolved", entry.GetProperty("status").GetString());
        Assert.NotEqual("Cancelled", await fixture.StatusOfAsync(fixture.Customers[1].CustomerId, orderId, _ct));
    }

    [Fact]
    public async Task Console_shows_each_erp_freshness_per_domain_a_chart_and_who_still_calls_v1()
    {
        var customer = fixture.Customers[2].CustomerId;
        using (var call = new HttpRequestMessage(HttpMethod.Get, $"/v1/customers/{customer}"))
        {
            call.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OrdersFixture.TokenFor(customer));
            using var answer = await fixture.Gateway.Client.SendAsync(call, _ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        }

        var page = await SignedInAsync();

        await Assertions.Expect(page.Locator("#erps .card[data-erp='legacy'] .badge")).ToHaveTextAsync("closed");
        await Assertions.Expect(page.Locator("#erps .card[data-erp='cloud']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#freshness tr[data-type='price.changed']")).ToBeVisibleAsync();
        // uPlot drew its canvas: the chart library loaded from the gateway itself.
        await Assertions.Expect(page.Locator("#chart canvas")).ToHaveCountAsync(1);
        // The deprecated v1 and the storefront that just called it, from the counts behind /admin/usage.
        await Assertions.Expect(page.Locator("#usage [data-field='usage-unavailable']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#usage tbody tr").Filter(new() { HasText = "v1" }).First).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "console-overview");
    }

    [Fact]
    public async Task Operator_enables_a_disabled_webhook_and_replays_its_dead_letter_to_the_fixed_receiver()
    {
        await using var receiver = await ChannelEvents.WebhookReceiver.StartAsync();
        var name = "console-" + Guid.NewGuid().ToString("N");
        receiver.Fail(name);
        var admin = new Admin.AdminClient(fixture.Gateway.Client);
        var customer = fixture.Customers[3].CustomerId;
        var partnerId = await admin.CreatePartnerAsync([Gateway.Edge.Scopes.OrdersRead], [customer]);
        string webhookId;
        using (var created = await admin.SendAsync(HttpMethod.Post, $"/admin/partners/{partnerId}/webhooks",
            new { url = receiver.UrlFor(name), events = new[] { "order.status_changed" } }))
        {
            webhookId = (await OrderBodies.ReadJsonAsync(created, _ct)).GetProperty("webhookId").GetString()!;
        }

        await fixture.PlaceAsync(fixture.Body(3, fixture.Skus[5]), customer, _ct);
        await Eventually.HoldsAsync(async () =>
        {
            using var view = await admin.SendAsync(HttpMethod.Get, $"/admin/webhooks/{webhookId}");
            using var letters = await admin.SendAsync(HttpMethod.Get, $"/admin/webhooks/{webhookId}/dead-letters");
            return (await OrderBodies.ReadJsonAsync(view, _ct)).GetProperty("state").GetString() == "Disabled"
                && (await OrderBodies.ReadJsonAsync(letters, _ct)).GetProperty("items").GetArrayLength() > 0;
        }, _ct, seconds: 30);
        receiver.Answer(name);

        var page = await SignedInAsync();
        var row = page.Locator($"#webhooks tr[data-webhook='{webhookId}']");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("disabled");
        await Assertions.Expect(row.Locator("td.reason")).ToContainTextAsync("500");
        await row.Locator("button[data-action='enable']").ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("enabled");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("ok");

        await row.Locator("button[data-action='dead-letters']").ClickAsync();
        var letter = page.Locator("#dead-letter-rows tr[data-dead-letter]").First;
        var eventId = await letter.Locator("td").First.TextContentAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "console-webhooks");
        await letter.Locator("button[data-action='replay']").ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("queued again");
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Delivered(name).Any(d => d.WebhookId == eventId)), _ct, seconds: 20);
    }

    [Fact]
    public async Task Wrong_credential_gets_no_console()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/console");

        await page.FillAsync("#password", "not-the-admin-token");
        await page.ClickAsync("#sign-in button[type='submit']");

        await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("refused");
        await Assertions.Expect(page.Locator("#console-view")).ToBeHiddenAsync();
        var overview = await page.APIRequest.GetAsync("/console/api/overview");
        Assert.Equal(401, overview.Status);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_the_page_asks_to_sign_in_again()
    {
        var page = await SignedInAsync();

        await page.ClickAsync("#sign-out");

        await Assertions.Expect(page.Locator("#sign-in-view")).ToBeVisibleAsync();
        var overview = await page.APIRequest.GetAsync("/console/api/overview");
        Assert.Equal(401, overview.Status);
        // The credential was a form field: it is in no URL the browser kept, and the page stores nothing itself.
        Assert.DoesNotContain(TestTokens.AdminToken, page.Url, StringComparison.Ordinal);
        var stored = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
        Assert.DoesNotContain(TestTokens.AdminToken, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("gateway_console=", stored, StringComparison.Ordinal);
    }

    async Task<IPage> NewPageAsync() => await browser.NewPageAsync(fixture.Gateway.Address);

    async Task<IPage> SignedInAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/console");
        await Assertions.Expect(page.Locator("#sign-in-view")).ToBeVisibleAsync();
        await page.FillAsync("#password", TestTokens.AdminToken);
        await page.ClickAsync("#sign-in button[type='submit']");
        await Assertions.Expect(page.Locator("#console-view")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sampled")).ToContainTextAsync("sampled");
        return page;
    }
}

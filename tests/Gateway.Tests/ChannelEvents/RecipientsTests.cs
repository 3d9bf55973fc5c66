using Gateway.ChannelEvents;

namespace Gateway.Tests.ChannelEvents;

public sealed class RecipientsTests
{
    static readonly string[] AllTypes = [.. ChannelEventTypes.All.Select(t => t.Type)];

    static Subscriber Partner(string id, string[] actsFor, string[]? skus = null, string[]? customers = null, bool disabled = false) => new(
        new WebhookEndpoint(id, new WebhookOwner(WebhookOwnerKind.Partner, id, null), "https://x", AllTypes, skus ?? [], customers ?? [], [], DateTimeOffset.UnixEpoch),
        actsFor.ToHashSet(),
        disabled);

    static ProducedEvent Event(string type, string? customerId, string? sku = null) => new("evt_1", type, customerId, sku, "{}");

    [Fact]
    public void RecipientsOf_CustomerEvent_ReachesOnlyOwnersActingForTheCustomer()
    {
        Subscriber[] subscribers = [Partner("a", ["C1"]), Partner("b", ["C2"]), Partner("c", ["C1", "C2"], customers: ["C2"])];

        var sut = WebhookDirectory.RecipientsOf(subscribers, Event(ChannelEventTypes.OrderShipped, "C1"));

        Assert.Equal(["a"], sut.Select(e => e.WebhookId));
    }

    [Fact]
    public void RecipientsOf_ContractPrice_ReachesOnlyItsCustomersOwners()
    {
        Subscriber[] subscribers = [Partner("a", ["C1"]), Partner("b", ["C2"])];

        var sut = WebhookDirectory.RecipientsOf(subscribers, Event(ChannelEventTypes.PriceChanged, "C2", "SKU1"));

        Assert.Equal(["b"], sut.Select(e => e.WebhookId));
    }

    [Fact]
    public void RecipientsOf_StockEvent_ReachesEveryoneWithinTheirSkuFilter()
    {
        Subscriber[] subscribers = [Partner("a", ["C1"]), Partner("b", ["C2"], skus: ["OTHER"]), Partner("c", [], skus: ["SKU1"]), Partner("d", ["C1"], disabled: true)];

        var sut = WebhookDirectory.RecipientsOf(subscribers, Event(ChannelEventTypes.InventoryChanged, null, "SKU1"));

        Assert.Equal(["a", "c"], sut.Select(e => e.WebhookId));
    }

    [Fact]
    public void RecipientsOf_TypeNotSubscribed_ReachesNobody()
    {
        var only = Partner("a", ["C1"]);
        Subscriber[] subscribers = [only with { Endpoint = only.Endpoint with { Events = [ChannelEventTypes.OrderInvoiced] } }];

        Assert.Empty(WebhookDirectory.RecipientsOf(subscribers, Event(ChannelEventTypes.OrderShipped, "C1")));
    }
}

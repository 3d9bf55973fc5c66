using System.Net;
using System.Text.Json;
using Gateway.GraphQL.Schema;
using Gateway.IntegrationTests.Fixtures;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Edge.Scoping;

/// <summary>
/// The walk the issue asks for: every endpoint that takes a customer, called by a partner key and by a storefront token
/// with a customer they do not act for, answers exactly what the admin gets for a customer that does not exist.
/// </summary>
[Collection(RealGateway.Name)]
public sealed class CustomerScopingWalkTests(CustomerScopingFixture fixture)
{
    const string Missing = "99999999";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("partner")]
    [InlineData("storefront")]
    public async Task A_foreign_customer_is_answered_on_every_endpoint_exactly_like_one_that_does_not_exist(string credential)
    {
        var scoped = fixture.ScopedClient(credential);
        foreach (var (endpoint, call) in ScopedEndpoints.WithCustomer(fixture))
        {
            using var own = await call(scoped, fixture.Own.CustomerId, fixture.Own.ShipToIds[0]);
            var ownAnswer = await own.Content.ReadAsStringAsync(Ct);
            Assert.True(own.IsSuccessStatusCode && !ownAnswer.Contains("\"errors\"", StringComparison.Ordinal), $"{endpoint}: own customer answered {ownAnswer}");

            using var missing = await call(fixture.Gateway.Admin, Missing, "1");
            using var foreign = await call(scoped, fixture.Foreign.CustomerId, fixture.Foreign.ShipToIds[0]);

            var expected = await ScopedEndpoints.AnswerAsync(missing, Missing);
            Assert.True(missing.StatusCode == HttpStatusCode.NotFound || expected.Contains("NOT_FOUND", StringComparison.Ordinal), $"{endpoint}: {expected}");
            Assert.Equal(expected, await ScopedEndpoints.AnswerAsync(foreign, fixture.Foreign.CustomerId));
        }
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("storefront")]
    public async Task A_foreign_customers_order_is_answered_exactly_like_an_order_that_does_not_exist(string credential)
    {
        const string missingOrder = "ord_does_not_exist";
        var scoped = fixture.ScopedClient(credential);
        foreach (var (endpoint, call) in ScopedEndpoints.WithOrder())
        {
            using var mine = await call(fixture.Gateway.Admin, fixture.ForeignOrderId);
            var mineAnswer = await mine.Content.ReadAsStringAsync(Ct);
            Assert.True(mine.IsSuccessStatusCode && !mineAnswer.Contains("\"errors\"", StringComparison.Ordinal), $"{endpoint}: the admin got {mineAnswer}");

            using var missing = await call(fixture.Gateway.Admin, missingOrder);
            using var foreign = await call(scoped, fixture.ForeignOrderId);

            var expected = await ScopedEndpoints.AnswerAsync(missing, missingOrder);
            Assert.True(missing.StatusCode == HttpStatusCode.NotFound || expected.Contains("NOT_FOUND", StringComparison.Ordinal), $"{endpoint}: {expected}");
            Assert.Equal(expected, await ScopedEndpoints.AnswerAsync(foreign, fixture.ForeignOrderId));
        }
    }

    [Fact]
    public void The_walk_covers_every_endpoint_with_a_customer_parameter()
    {
        var described = fixture.Gateway.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .Where(d => d.ParameterDescriptions.Any(p => p.Name.Equals("customerId", StringComparison.OrdinalIgnoreCase)))
            .Select(d => $"{d.HttpMethod} {d.RelativePath?.TrimEnd('/')}")
            .ToList();
        var walked = ScopedEndpoints.WithCustomer(fixture).Select(e => e.Endpoint).ToHashSet();

        Assert.Contains("GET v1/customers/{customerId}", described);
        Assert.All(described, endpoint => Assert.Contains(endpoint, walked));
    }

    [Fact]
    public void The_walk_covers_every_graphql_field_that_takes_a_customer_or_an_order()
    {
        var schema = fixture.Gateway.Services.GetRequiredService<GatewaySchema>();
        schema.Initialize();
        var fields = schema.AllTypes.OfType<IObjectGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(type => type.Fields.Where(TakesACustomerOrAnOrder).Select(field => $"POST graphql {type.Name}.{field.Name}"))
            .ToList();
        var walked = ScopedEndpoints.WithCustomer(fixture).Select(e => e.Endpoint).Concat(ScopedEndpoints.WithOrder().Select(e => e.Endpoint)).ToHashSet();

        Assert.Contains("POST graphql Query.order", fields);
        Assert.Contains("POST graphql Mutation.placeOrder", fields);
        Assert.All(fields, field => Assert.Contains(field, walked));
    }

    /// <summary>An argument named customerId, an input with a customerId, or the id of a field answering a customer or an order.</summary>
    static bool TakesACustomerOrAnOrder(FieldType field) =>
        field.Arguments?.Any(argument =>
            argument.Name == "customerId"
            || (argument.ResolvedType!.GetNamedType() is IInputObjectGraphType input && input.HasField("customerId"))
            || (argument.Name == "id" && field.ResolvedType!.GetNamedType().Name is "Customer" or "Order")) == true;
}

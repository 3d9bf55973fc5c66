using System.Security.Claims;
using Gateway.Edge;
using Gateway.Edge.Authentication;

namespace Gateway.Tests.Edge.Authentication;

public sealed class StorefrontClaimsTests
{
    static readonly PartnerPlan Plan = new(20, 40, 1000);

    static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Fact]
    public void ToCaller_SpaceSeparatedScope_ActsForItsCustomerOnly()
    {
        var sut = StorefrontClaims.ToCaller(Token(("sub", "shop"), ("scope", "pricing:read catalog:read"), ("customer_id", "C1")), Plan);

        Assert.NotNull(sut);
        Assert.Equal("app:shop", sut.Id);
        Assert.Equal(CallerKind.StorefrontApp, sut.Kind);
        Assert.True(sut.HasScope(Scopes.PricingRead));
        Assert.False(sut.HasScope(Scopes.OrdersWrite));
        Assert.True(sut.ActsFor("C1"));
        Assert.False(sut.ActsFor("C2"));
        Assert.Equal(Plan, sut.Plan);
    }

    [Fact]
    public void ToCaller_UnknownScopes_AreDropped()
    {
        var sut = StorefrontClaims.ToCaller(Token(("sub", "shop"), ("scope", "catalog:read superuser"), ("scope", "orders:read")), Plan);

        Assert.Equal([Scopes.CatalogRead, Scopes.OrdersRead], sut!.Scopes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToCaller_NoCustomer_ActsForNobody()
    {
        var sut = StorefrontClaims.ToCaller(Token(("sub", "shop"), ("scope", "catalog:read")), Plan);

        Assert.False(sut!.ActsFor("C1"));
    }

    [Fact]
    public void ToCaller_AdminScope_IsNeverGranted()
    {
        var sut = StorefrontClaims.ToCaller(Token(("sub", "shop"), ("scope", "admin catalog:read"), ("scope", "admin")), Plan);

        Assert.Equal([Scopes.CatalogRead], sut!.Scopes);
        Assert.False(sut.HasScope(Scopes.Admin));
        Assert.False(sut.HasScope(Scopes.OrdersWrite));
    }

    [Fact]
    public void ToCaller_PinnedClaimsOnly_IsIdentifiedByItsCustomer()
    {
        var sut = StorefrontClaims.ToCaller(Token(("scope", "catalog:read"), ("customer_id", "C1")), Plan);

        Assert.Equal("app-customer:C1", sut!.Id);
        Assert.True(sut.ActsFor("C1"));
    }

    [Fact]
    public void ToCaller_NoSubject_IsIdentifiedByClientIdThenAzp()
    {
        var byClient = StorefrontClaims.ToCaller(Token(("client_id", "web"), ("azp", "other"), ("customer_id", "C1")), Plan);
        var byAzp = StorefrontClaims.ToCaller(Token(("azp", "web"), ("customer_id", "C1")), Plan);

        Assert.Equal("app-client:web", byClient!.Id);
        Assert.Equal("app-client:web", byAzp!.Id);
    }

    [Fact]
    public void ToCaller_SubjectShapedLikeAnotherKind_NeverCollides()
    {
        var subject = StorefrontClaims.ToCaller(Token(("sub", "client:web")), Plan);
        var client = StorefrontClaims.ToCaller(Token(("client_id", "web")), Plan);
        var customers = StorefrontClaims.ToCaller(Token(("customer_id", "A"), ("customer_id", "B")), Plan);
        var oneCustomer = StorefrontClaims.ToCaller(Token(("customer_id", "A B")), Plan);

        string[] ids = [subject!.Id, client!.Id, customers!.Id, oneCustomer!.Id];
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ToCaller_NoSubjectClientOrCustomer_ReturnsNull() =>
        Assert.Null(StorefrontClaims.ToCaller(Token(("scope", "catalog:read")), Plan));
}

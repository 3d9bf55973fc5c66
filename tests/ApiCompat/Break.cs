namespace ApiCompat;

/// <summary>One change of a published document that can break a client written against its base.</summary>
/// <param name="Rule">Which rule found it (<see cref="BreakRules"/>); with the location, what an approval names.</param>
/// <param name="Location">Where: <c>GET /v1/products 200 application/json items[].sku</c>, path parameters written <c>{}</c>.</param>
/// <param name="Detail">What changed, for the reviewer.</param>
internal sealed record Break(string Rule, string Location, string Detail)
{
    public override string ToString() => $"{Rule} at {Location}: {Detail}";
}

/// <summary>The rules, named as approvals name them.</summary>
internal static class BreakRules
{
    public const string DocumentRemoved = "document-removed";
    public const string PathRemoved = "path-removed";
    public const string OperationRemoved = "operation-removed";
    public const string SuccessStatusRemoved = "success-status-removed";
    public const string ResponseMediaTypeRemoved = "response-media-type-removed";
    public const string ResponsePropertyRemoved = "response-property-removed";
    public const string ResponsePropertyRetyped = "response-property-retyped";
    public const string RequestBodyRequired = "request-body-required";
    public const string RequestPropertyRequired = "request-property-required";
    public const string RequestPropertyRetyped = "request-property-retyped";
    public const string RequestParameterRequired = "request-parameter-required";
    public const string RequestParameterRetyped = "request-parameter-retyped";
    public const string EnumNarrowed = "enum-narrowed";
}

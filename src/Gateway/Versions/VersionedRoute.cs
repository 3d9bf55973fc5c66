namespace Gateway.Versions;

/// <summary>
/// Endpoint metadata of every route of a version group: the version and the route's template as usage counts it
/// (<c>GET /v1/products/{sku}</c>), built once when the endpoints are, so a request reads it without building a string.
/// </summary>
public sealed record VersionedRoute(string Version, string Template)
{
    /// <summary>The route of a request under a served version that matched no endpoint of it.</summary>
    public const string Unmatched = "(no route)";
}

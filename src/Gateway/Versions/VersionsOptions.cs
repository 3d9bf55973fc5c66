namespace Gateway.Versions;

/// <summary>
/// The lifecycle of each version and of GraphQL fields, section <c>Versions</c>, reloaded without a restart:
/// <c>Versions:&lt;v&gt;:DeprecatedAt|SunsetAt|PolicyUrl</c> (pinned in the contract),
/// <c>Versions:&lt;v&gt;:Extensions:&lt;partnerId&gt;</c> (the end of one partner's extension past the sunset), and
/// <c>Versions:GraphQL:Fields:&lt;Type.field&gt;:Reason|DeprecatedAt|SunsetAt|PolicyUrl</c>. Instants are ISO 8601, read
/// as UTC when they carry no offset. Every value is kept as text and read by <see cref="VersionRules.Compile"/>, so a
/// bad value is a message naming its key (at start-up, or a refused reload), never a binder exception on a reload
/// thread. Default: no version deprecated, no field deprecated.
/// </summary>
public sealed class VersionsOptions() : Dictionary<string, VersionLifecycleOptions>(StringComparer.OrdinalIgnoreCase)
{
    public const string SectionName = "Versions";

    /// <summary>The entry for GraphQL's fields; GraphQL itself has no versions.</summary>
    public const string GraphQLKey = "GraphQL";
}

/// <summary>One version's lifecycle (<c>Versions:v1</c>), or under <see cref="VersionsOptions.GraphQLKey"/> the deprecated fields.</summary>
public sealed class VersionLifecycleOptions
{
    /// <summary>From this instant the version is deprecated; its answers carry <c>Deprecation</c> before it as well (RFC 9745 allows a future date). Default: none.</summary>
    public string? DeprecatedAt { get; set; }

    /// <summary>From this instant the version answers <c>410 Gone</c>; announced in <c>Sunset</c> until then. Default: none.</summary>
    public string? SunsetAt { get; set; }

    /// <summary>An absolute http(s) URL: the page the <c>Link</c> headers (<c>rel="deprecation"</c>, <c>rel="sunset"</c>) point to. Default: none.</summary>
    public string? PolicyUrl { get; set; }

    /// <summary>Partner id to the instant its extension ends: that partner is still served after the sunset until then.</summary>
    public Dictionary<string, string> Extensions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Only under <c>Versions:GraphQL</c>: <c>Type.field</c> to its deprecation.</summary>
    public Dictionary<string, FieldDeprecationOptions> Fields { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A GraphQL field's deprecation (<c>Versions:GraphQL:Fields:Product.description</c>).</summary>
public sealed class FieldDeprecationOptions
{
    /// <summary>Required: the text of <c>@deprecated(reason:)</c>, which GraphiQL and the SDL show; say what to use instead.</summary>
    public string? Reason { get; set; }

    /// <summary>When the deprecation took or takes effect (informative: the field is marked deprecated from the moment it is configured).</summary>
    public string? DeprecatedAt { get; set; }

    /// <summary>When the field is planned to go (informative: GraphQL fields are removed by a release, not by configuration).</summary>
    public string? SunsetAt { get; set; }

    /// <summary>An absolute http(s) URL explaining the change.</summary>
    public string? PolicyUrl { get; set; }
}

namespace Gateway.Operations.Console;

/// <summary>
/// The seam for the console's "versions and deprecated fields still called" panel: the version usage behind
/// <c>GET /admin/usage</c> plugs in here by registering its own implementation. Until then <see cref="NoVersionUsage"/>
/// says it is not available.
/// </summary>
internal interface IVersionUsageSource
{
    Task<VersionUsageView> CurrentAsync(CancellationToken cancellationToken);
}

/// <summary>Who still calls each version and deprecated field; <paramref name="Available"/> false while nothing feeds it.</summary>
internal sealed record VersionUsageView(bool Available, IReadOnlyList<VersionUsageItem> Items);

/// <param name="Subject">A version (<c>v1</c>) or a deprecated GraphQL field (<c>Type.field</c>).</param>
internal sealed record VersionUsageItem(string Subject, string CallerId, long Calls, DateTimeOffset LastCalledAt);

/// <summary>What the console shows while no version usage is on this build.</summary>
internal sealed class NoVersionUsage : IVersionUsageSource
{
    public Task<VersionUsageView> CurrentAsync(CancellationToken cancellationToken) => Task.FromResult(new VersionUsageView(false, []));
}

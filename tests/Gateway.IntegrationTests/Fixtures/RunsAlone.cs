namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// Tests whose counts assume that what they start at once runs at once (a burst of concurrent requests): they run
/// alone, after the parallel collections, so that another test's load does not spread their burst over a second.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}

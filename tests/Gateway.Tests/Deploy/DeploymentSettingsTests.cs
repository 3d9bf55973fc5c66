using System.Reflection;
using Gateway.Hosting.Shutdown;
using YamlDotNet.RepresentationModel;

namespace Gateway.Tests.Deploy;

/// <summary>
/// Every environment variable that deploy/kubernetes and deploy/compose.yaml give the gateway is a configuration key it
/// reads: a property of an options class under its <c>SectionName</c> (nested classes and dictionaries followed), the
/// Redis connection string, logging levels, or the runtime's own (<c>ASPNETCORE_</c>, <c>DOTNET_</c>, <c>OTEL_</c>).
/// A typo (<c>Shutdown__DrainDelays</c>) would otherwise be silently ignored by ASP.NET Core configuration.
/// </summary>
public class DeploymentSettingsTests
{
    static readonly string[] RuntimePrefixes = ["ASPNETCORE_", "DOTNET_", "OTEL_", "Logging__LogLevel__"];
    static readonly string[] RuntimeVariables = ["TMPDIR", "ConnectionStrings__Redis"];

    [Fact]
    public void KubernetesManifests_EveryVariableOfTheGateway_IsAKeyTheGatewayReads()
    {
        var documents = Directory.EnumerateFiles(Path.Combine(Root(), "deploy", "kubernetes"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal))
            .SelectMany(Load)
            .ToList();
        var variables = new List<string>();
        foreach (var document in documents)
        {
            var kind = Scalar(document, "kind");
            var name = Scalar(Map(document, "metadata"), "name");
            if (kind is "ConfigMap" && name.StartsWith("gateway", StringComparison.Ordinal) || kind is "Secret" && name.StartsWith("gateway", StringComparison.Ordinal))
            {
                variables.AddRange(Keys(Map(document, "data")).Concat(Keys(Map(document, "stringData"))));
            }

            foreach (var container in GatewayContainers(document))
            {
                variables.AddRange(Sequence(container, "env").Select(e => Scalar((YamlMappingNode)e, "name")));
            }
        }

        Assert.Contains("Shutdown__DrainDelay", variables);
        Assert.All(variables, v => Assert.True(IsRead(v), $"{v} is set by deploy/kubernetes but the gateway reads no such key"));
    }

    [Fact]
    public void ComposeFile_EveryVariableOfTheGateway_IsAKeyTheGatewayReads()
    {
        var compose = Load(Path.Combine(Root(), "deploy", "compose.yaml")).Single();
        var gateway = Map(compose, "x-gateway");
        var variables = Keys(Map(gateway, "environment")).ToList();

        Assert.Contains("ConnectionStrings__Redis", variables);
        Assert.All(variables, v => Assert.True(IsRead(v), $"{v} is set by deploy/compose.yaml but the gateway reads no such key"));
        Assert.Equal(["cluster", "replicated", "sentinel", "single"], RedisProfiles(compose));
    }

    [Fact]
    public void KubernetesDeployment_StopTimings_CoverTheDrainAndTheShutdownTimeout()
    {
        var kubernetes = Path.Combine(Root(), "deploy", "kubernetes", "base");
        var deployment = Load(Path.Combine(kubernetes, "deployment.yaml")).Single();
        var config = Map(Load(Path.Combine(kubernetes, "configmap.yaml")).Single(), "data");
        var pod = Map(Map(Map(deployment, "spec"), "template"), "spec");
        var container = (YamlMappingNode)Sequence(pod, "containers").Single();
        var preStop = Sequence(Map(Map(Map(container, "lifecycle"), "preStop"), "exec"), "command").Select(c => ((YamlScalarNode)c).Value).ToArray();
        var drain = TimeSpan.Parse(Scalar(config, "Shutdown__DrainDelay"), System.Globalization.CultureInfo.InvariantCulture);
        var timeout = TimeSpan.Parse(Scalar(config, "Shutdown__Timeout"), System.Globalization.CultureInfo.InvariantCulture);
        var grace = int.Parse(Scalar(pod, "terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(["sleep", drain.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)], preStop);
        Assert.Empty(OptionsValidation.Validate(new ShutdownOptions { DrainDelay = drain, Timeout = timeout }));
        Assert.True(grace > drain.TotalSeconds + timeout.TotalSeconds, $"terminationGracePeriodSeconds {grace} must exceed preStop + Shutdown__Timeout");
    }

    static bool IsRead(string variable) =>
        RuntimeVariables.Contains(variable, StringComparer.OrdinalIgnoreCase)
        || RuntimePrefixes.Any(p => variable.StartsWith(p, StringComparison.OrdinalIgnoreCase))
        || Known.Value.Any(k => k.EndsWith("__*", StringComparison.Ordinal)
            ? variable.StartsWith(k[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(k, variable, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every key of every options class of the gateway's assemblies, in environment form.</summary>
    static readonly Lazy<IReadOnlyList<string>> Known = new(() =>
    [
        .. new[] { typeof(ShutdownOptions).Assembly, typeof(Gateway.Erp.Routing.ErpRoutingOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(t => t.Section is not null)
            .SelectMany(t => KeysOf(t.Type, t.Section!.Replace(":", "__", StringComparison.Ordinal), 0)),
    ]);

    static IEnumerable<string> KeysOf(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var key = prefix + "__" + property.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsPrimitive || propertyType.IsEnum || propertyType == typeof(string) || propertyType == typeof(TimeSpan)
                || propertyType == typeof(decimal) || propertyType == typeof(DateTimeOffset) || propertyType == typeof(Uri))
            {
                yield return key;
            }
            else if (propertyType.IsAssignableTo(typeof(System.Collections.IEnumerable)))
            {
                // Lists and dictionaries: indices or keys follow.
                yield return key + "__*";
                yield return key;
            }
            else if (propertyType.IsClass && depth < 4)
            {
                foreach (var nested in KeysOf(propertyType, key, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    static IEnumerable<YamlMappingNode> GatewayContainers(YamlMappingNode document)
    {
        if (Scalar(document, "kind") != "Deployment")
        {
            return [];
        }

        var pod = Map(Map(Map(document, "spec"), "template"), "spec");
        return Sequence(pod, "containers").Cast<YamlMappingNode>().Where(c => Scalar(c, "name") == "gateway");
    }

    static string[] RedisProfiles(YamlMappingNode compose) =>
    [
        .. Map(compose, "services").Children
            .Select(s => (YamlMappingNode)s.Value)
            .Where(s => Scalar(s, "image").StartsWith("redis", StringComparison.Ordinal))
            .SelectMany(s => Sequence(s, "profiles").Select(p => ((YamlScalarNode)p).Value!))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    static IEnumerable<YamlMappingNode> Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>();
    }

    static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlMappingNode map ? map : new YamlMappingNode();

    static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence ? sequence.Children : [];

    static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value ?? "" : "";

    static IEnumerable<string> Keys(YamlMappingNode node) => node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!);

    static string Root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gateway.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}

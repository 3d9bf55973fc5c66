using System.Text.Json;

namespace Probe;

/// <summary>Command line: a command, then <c>--name value</c> pairs; <c>--header</c> may repeat.</summary>
internal sealed class ProbeOptions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string Command { get; private set; } = "";

    public List<(string Name, string Value)> Headers { get; } = [];

    public static ProbeOptions Parse(string[] args)
    {
        var options = new ProbeOptions { Command = args.Length > 0 ? args[0] : "" };
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var name = args[i].TrimStart('-');
            if (name == "header")
            {
                var colon = args[i + 1].IndexOf(':', StringComparison.Ordinal);
                options.Headers.Add((args[i + 1][..colon].Trim(), args[i + 1][(colon + 1)..].Trim()));
            }
            else
            {
                options._values[name] = args[i + 1];
            }
        }

        return options;
    }

    public string Require(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public HttpClient Client(Uri? baseAddress = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, UseCookies = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        foreach (var (name, value) in Headers)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        return client;
    }
}

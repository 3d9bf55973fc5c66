// Breaking-change gate for the committed OpenAPI documents (tests/governance/run.sh runs it; ApiGate says what it does).
// Usage: ApiCompat --base-ref <revision> [--specs api-specs/canonical] [--approved api-specs/approved-breaks.json] [--repo .]
using ApiCompat;

var options = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--specs"] = "api-specs/canonical",
    ["--approved"] = "api-specs/approved-breaks.json",
    ["--repo"] = ".",
};
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 == args.Length)
    {
        Console.Error.WriteLine($"api-compat: unexpected argument {args[i]}");
        return ApiGate.Failed;
    }

    options[args[i]] = args[++i];
}

if (!options.TryGetValue("--base-ref", out var baseRef))
{
    Console.Error.WriteLine("api-compat: --base-ref <revision> is required");
    return ApiGate.Failed;
}

return ApiGate.Run(options["--repo"], baseRef, options["--specs"], options["--approved"], Console.Out);

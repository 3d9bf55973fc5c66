using System.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ApiCompat;

/// <summary>
/// The CI gate: every OpenAPI document committed in a folder compared with the same file at a base revision. A document
/// new since the base has nothing to break; one gone since the base is a break itself. Exit codes: 0 no unapproved break,
/// 1 an unapproved break, 2 the gate could not run (an unknown revision, an unreadable document or approvals file).
/// </summary>
internal static class ApiGate
{
    public const int Passed = 0;
    public const int Broken = 1;
    public const int Failed = 2;

    public static int Run(string repository, string baseRef, string specsFolder, string approvedPath, TextWriter output)
    {
        try
        {
            var approved = File.Exists(Path.Combine(repository, approvedPath))
                ? ApprovedBreaks.Parse(File.ReadAllText(Path.Combine(repository, approvedPath)))
                : ApprovedBreaks.Empty;
            var folder = specsFolder.Replace('\\', '/').TrimEnd('/');
            var head = Directory.Exists(Path.Combine(repository, folder))
                ? Directory.GetFiles(Path.Combine(repository, folder), "*.json").Select(f => $"{folder}/{Path.GetFileName(f)}").Order(StringComparer.Ordinal).ToList()
                : [];
            var @base = Git(repository, "ls-tree", "--name-only", baseRef, "--", $"{folder}/")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(f => f.EndsWith(".json", StringComparison.Ordinal))
                .ToList();

            var unapproved = 0;
            void Report(string document, Break found)
            {
                if (approved.Approves(document, found))
                {
                    output.WriteLine($"api-compat: approved {document}: {found}");
                }
                else
                {
                    unapproved++;
                    output.WriteLine($"api-compat: BREAKING {document}: {found}");
                }
            }

            foreach (var document in @base.Except(head, StringComparer.Ordinal))
            {
                Report(document, new Break(BreakRules.DocumentRemoved, document, "the document is gone"));
            }

            foreach (var document in head)
            {
                if (!@base.Contains(document, StringComparer.Ordinal))
                {
                    output.WriteLine($"api-compat: {document} is new since {baseRef}: nothing to compare");
                    continue;
                }

                var breaks = OpenApiComparison.Compare(
                    Load(Git(repository, "show", $"{baseRef}:{document}"), $"{document} at {baseRef}"),
                    Load(File.ReadAllText(Path.Combine(repository, document)), document));
                foreach (var found in breaks)
                {
                    Report(document, found);
                }

                output.WriteLine($"api-compat: {document} against {baseRef}: {breaks.Count} breaking change(s)");
            }

            if (unapproved > 0)
            {
                output.WriteLine($"api-compat: {unapproved} breaking change(s) are not approved. Restore what was removed, or list each in {approvedPath} with a reason: {{ \"document\", \"rule\", \"location\", \"reason\" }}.");
                return Broken;
            }

            return Passed;
        }
        catch (InvalidDataException e)
        {
            output.WriteLine($"api-compat: {e.Message}");
            return Failed;
        }
    }

    /// <exception cref="InvalidDataException">The text is not an OpenAPI document.</exception>
    public static OpenApiDocument Load(string json, string name)
    {
        var result = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());
        if (result.Document is not { } document || result.Diagnostic?.Errors is { Count: > 0 })
        {
            var errors = result.Diagnostic?.Errors.Select(e => e.Message) ?? [];
            throw new InvalidDataException($"{name} is not a readable OpenAPI document: {string.Join("; ", errors)}");
        }

        return document;
    }

    static string Git(string repository, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repository };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start) ?? throw new InvalidDataException("git could not be started");
        var error = git.StandardError.ReadToEndAsync();
        var text = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0
            ? text
            : throw new InvalidDataException($"git {string.Join(' ', arguments)} failed: {error.Result.Trim()}");
    }
}

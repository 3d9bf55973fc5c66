using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiCompat;

/// <summary>One break a reviewer accepted: which document, which rule at which location, and why.</summary>
internal sealed record ApprovedBreak(
    [property: JsonPropertyName("document")] string Document,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>
/// <c>api-specs/approved-breaks.json</c>: <c>{ "breaks": [ { document, rule, location, reason } ] }</c>. An approval matches
/// one break exactly (document path as committed, rule, location as the checker prints it); the reason is required, so
/// every accepted break says why in the history. GraphQL breaks use the same file (document
/// <c>api-specs/graphql/schema.graphql</c>, rule and location as GraphQL Inspector names them).
/// </summary>
internal sealed class ApprovedBreaks
{
    readonly List<ApprovedBreak> _breaks;

    ApprovedBreaks(List<ApprovedBreak> breaks) => _breaks = breaks;

    public IReadOnlyList<ApprovedBreak> All => _breaks;

    public static ApprovedBreaks Empty { get; } = new([]);

    /// <exception cref="InvalidDataException">The file is not the shape above, or an approval has no reason.</exception>
    public static ApprovedBreaks Parse(string json)
    {
        File? file;
        try
        {
            file = JsonSerializer.Deserialize<File>(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"approved breaks: not JSON of the shape {{ \"breaks\": [...] }}: {e.Message}", e);
        }

        var breaks = file?.Breaks ?? throw new InvalidDataException("approved breaks: \"breaks\" is missing");
        for (var i = 0; i < breaks.Count; i++)
        {
            var entry = breaks[i];
            if (string.IsNullOrWhiteSpace(entry.Document) || string.IsNullOrWhiteSpace(entry.Rule) || string.IsNullOrWhiteSpace(entry.Location))
            {
                throw new InvalidDataException($"approved breaks: breaks[{i}] needs document, rule and location");
            }

            if (string.IsNullOrWhiteSpace(entry.Reason))
            {
                throw new InvalidDataException($"approved breaks: breaks[{i}] ({entry.Rule} at {entry.Location}) gives no reason");
            }
        }

        return new ApprovedBreaks(breaks);
    }

    public bool Approves(string document, Break found) => _breaks.Any(b =>
        string.Equals(b.Document, document, StringComparison.Ordinal)
        && string.Equals(b.Rule, found.Rule, StringComparison.Ordinal)
        && string.Equals(b.Location, found.Location, StringComparison.Ordinal));

    sealed record File([property: JsonPropertyName("breaks")] List<ApprovedBreak>? Breaks);
}

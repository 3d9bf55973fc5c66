namespace ErpSimulator.Cloud;

/// <summary>Parses the comma-separated key lists (<c>skus=A,B</c>, <c>ids=A,B</c>) the cloud API takes, at most 100 per call.</summary>
internal static class CloudKeys
{
    public const int MaxBatch = 100;

    /// <summary>The distinct keys in <paramref name="csv"/>; an error when there are none or more than 100.</summary>
    public static bool TryParse(string? csv, string field, out string[] keys, out IResult? error)
    {
        keys = [.. (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
        error = keys.Length switch
        {
            0 => CloudErrors.BadRequest(field, $"{field} is required: a comma-separated list of keys."),
            > MaxBatch => CloudErrors.BatchTooLarge(field, keys.Length),
            _ => null,
        };
        return error is null;
    }

    public static bool TryParse(IReadOnlyList<string>? list, string field, out string[] keys, out IResult? error) =>
        TryParse(list is null ? null : string.Join(',', list.Select(k => k?.Replace(",", "", StringComparison.Ordinal))), field, out keys, out error);
}

namespace Gateway.CanonicalApi.Validation;

/// <summary>
/// A repeated query parameter such as <c>sku=A&amp;sku=B</c>: between one and <see cref="MaxKeys"/> non-blank values,
/// duplicates asked once, in the caller's order.
/// </summary>
public static class BatchKeys
{
    /// <summary>
    /// Most keys one request may name. Larger batches would hold one caller's request open for several ERP calls and
    /// let it crowd out others within the ERP's quota.
    /// </summary>
    public const int MaxKeys = 200;

    /// <summary>Longest key accepted; longer ones cannot exist in either ERP.</summary>
    public const int MaxKeyLength = 64;

    /// <returns>The distinct keys, or null with <paramref name="error"/> set.</returns>
    public static IReadOnlyList<string>? Read(string[]? values, out string? error)
    {
        error = null;
        if (values is null || values.Length == 0)
        {
            error = "At least one value is required (repeat the parameter for more).";
            return null;
        }

        if (values.Length > MaxKeys)
        {
            error = $"At most {MaxKeys} values per request; {values.Length} were given.";
            return null;
        }

        if (values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxKeyLength))
        {
            error = $"Every value must be non-blank and at most {MaxKeyLength} characters.";
            return null;
        }

        return [.. values.Select(v => v.Trim()).Distinct(StringComparer.Ordinal)];
    }
}

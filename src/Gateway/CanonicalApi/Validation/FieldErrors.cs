namespace Gateway.CanonicalApi.Validation;

/// <summary>Validation messages keyed by the query field they are about, as RFC 9457's validation shape expects.</summary>
public sealed class FieldErrors : Dictionary<string, string[]>
{
    public FieldErrors()
        : base(StringComparer.Ordinal)
    {
    }

    public void Add(string field, string message) => this[field] = [.. this.GetValueOrDefault(field, []), message];
}

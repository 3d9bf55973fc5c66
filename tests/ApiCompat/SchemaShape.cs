using Microsoft.OpenApi;

namespace ApiCompat;

/// <summary>One place in a body: its wire type, whether it must be sent, and the values it may take.</summary>
/// <param name="Type">The JSON type and format, without <c>null</c> (<c>string/date-time</c>, <c>array</c>).</param>
/// <param name="Required">Required by its parent, and every parent up to the body required too.</param>
/// <param name="Enum">The allowed values, or null when any value of the type is allowed.</param>
internal sealed record ShapeNode(string Type, bool Required, IReadOnlySet<string>? Enum);

/// <summary>
/// A schema flattened into its places (<c>items[].sku</c>), references resolved, <c>allOf</c> merged, <c>oneOf</c>/<c>anyOf</c>
/// taken as the union of their places. A recursive schema is walked once per branch: a reference met again below itself stops.
/// </summary>
internal static class SchemaShape
{
    const int MaxDepth = 32;

    public static IReadOnlyDictionary<string, ShapeNode> Flatten(IOpenApiSchema? schema)
    {
        var places = new Dictionary<string, ShapeNode>(StringComparer.Ordinal);
        if (schema is not null)
        {
            Walk(schema, "", required: true, places, [], 0);
        }

        return places;
    }

    /// <summary>The type a client parses: <c>integer/int32</c>, <c>string</c>, <c>object</c>; <c>null</c> left out.</summary>
    public static string TypeOf(IOpenApiSchema schema)
    {
        var type = schema.Type is { } t ? (t & ~JsonSchemaType.Null).ToString().ToLowerInvariant().Replace(", ", "|", StringComparison.Ordinal) : "";
        if (type.Length == 0)
        {
            type = schema.Properties is { Count: > 0 } ? "object" : schema.Items is not null ? "array" : "any";
        }

        return schema.Format is { Length: > 0 } format ? $"{type}/{format}" : type;
    }

    public static IReadOnlySet<string>? EnumOf(IOpenApiSchema schema) =>
        schema.Enum is { Count: > 0 } values
            ? values.Select(v => v?.ToJsonString() ?? "null").ToHashSet(StringComparer.Ordinal)
            : null;

    static void Walk(IOpenApiSchema schema, string place, bool required, Dictionary<string, ShapeNode> places, HashSet<string> seen, int depth)
    {
        var id = (schema as OpenApiSchemaReference)?.Reference.Id;
        if (depth > MaxDepth || (id is not null && !seen.Add(id)))
        {
            return;
        }

        if (place.Length > 0 || schema.Type is not null || schema.Properties is { Count: > 0 } || schema.Items is not null)
        {
            places.TryAdd(place, new ShapeNode(TypeOf(schema), required, EnumOf(schema)));
        }

        var requiredNames = schema.Required ?? new HashSet<string>();
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            Walk(property, place.Length == 0 ? name : $"{place}.{name}", required && requiredNames.Contains(name), places, seen, depth + 1);
        }

        if (schema.Items is { } items)
        {
            Walk(items, $"{place}[]", required, places, seen, depth + 1);
        }

        foreach (var part in schema.AllOf ?? [])
        {
            Walk(part, place, required, places, seen, depth + 1);
        }

        // A place that only one alternative has is never required: a client may send the other one.
        foreach (var part in (schema.OneOf ?? []).Concat(schema.AnyOf ?? []))
        {
            Walk(part, place, required: false, places, seen, depth + 1);
        }

        if (id is not null)
        {
            seen.Remove(id);
        }
    }

    public static string Describe(IReadOnlySet<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal));

}

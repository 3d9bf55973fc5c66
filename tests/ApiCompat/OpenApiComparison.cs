using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace ApiCompat;

/// <summary>
/// What in a new version of an OpenAPI document can break a client of the old one: a path, operation or success status
/// gone; a response property gone or of another type; a request that now needs a parameter, a body or a property the
/// client does not send; a parameter or request property of another type; fewer values allowed where a client sends them.
/// Additions a client can ignore (new paths, optional parameters, response properties, error statuses) are not breaks.
/// </summary>
internal static partial class OpenApiComparison
{
    public static IReadOnlyList<Break> Compare(OpenApiDocument @base, OpenApiDocument head)
    {
        var breaks = new List<Break>();
        var headPaths = ByTemplate(head);
        foreach (var (template, (path, baseItem)) in ByTemplate(@base))
        {
            if (!headPaths.TryGetValue(template, out var headEntry))
            {
                breaks.Add(new Break(BreakRules.PathRemoved, path, "the path is gone"));
                continue;
            }

            var headOperations = Operations(headEntry.Item);
            foreach (var (method, baseOperation) in Operations(baseItem))
            {
                var where = $"{method} {path}";
                if (!headOperations.TryGetValue(method, out var headOperation))
                {
                    breaks.Add(new Break(BreakRules.OperationRemoved, where, "the operation is gone"));
                    continue;
                }

                CompareParameters(where, Parameters(baseItem, baseOperation), Parameters(headEntry.Item, headOperation), breaks);
                CompareRequestBody(where, baseOperation.RequestBody, headOperation.RequestBody, breaks);
                CompareResponses(where, baseOperation.Responses, headOperation.Responses, breaks);
            }
        }

        return breaks;
    }

    // /v1/products/{sku} and /v1/products/{id} are the same route to a client.
    static Dictionary<string, (string Path, IOpenApiPathItem Item)> ByTemplate(OpenApiDocument document) =>
        (document.Paths ?? []).ToDictionary(p => PathParameter().Replace(p.Key, "{}"), p => (p.Key, p.Value), StringComparer.Ordinal);

    static Dictionary<string, OpenApiOperation> Operations(IOpenApiPathItem item) =>
        (item.Operations ?? []).ToDictionary(o => o.Key.Method.ToUpperInvariant(), o => o.Value, StringComparer.Ordinal);

    // Operation-level parameters override the path's (OpenAPI 3, Path Item Object); header names are case-insensitive.
    static Dictionary<string, IOpenApiParameter> Parameters(IOpenApiPathItem item, OpenApiOperation operation)
    {
        var parameters = new Dictionary<string, IOpenApiParameter>(StringComparer.Ordinal);
        foreach (var parameter in (item.Parameters ?? []).Concat(operation.Parameters ?? []))
        {
            parameters[ParameterKey(parameter)] = parameter;
        }

        return parameters;
    }

    static string ParameterKey(IOpenApiParameter parameter)
    {
        var location = parameter.In?.ToString().ToLowerInvariant() ?? "query";
        // A path parameter is known to clients by its place in the template, not by its name.
        return location switch
        {
            "header" => $"header:{parameter.Name?.ToLowerInvariant()}",
            _ => $"{location}:{parameter.Name}",
        };
    }

    static void CompareParameters(string where, Dictionary<string, IOpenApiParameter> @base, Dictionary<string, IOpenApiParameter> head, List<Break> breaks)
    {
        foreach (var (key, parameter) in head)
        {
            if (key.StartsWith("path:", StringComparison.Ordinal))
            {
                continue;
            }

            @base.TryGetValue(key, out var before);
            if (parameter.Required && before is not { Required: true })
            {
                breaks.Add(new Break(BreakRules.RequestParameterRequired, $"{where} {key}",
                    before is null ? "a new required parameter" : "an optional parameter became required"));
            }

            if (before?.Schema is { } beforeSchema && parameter.Schema is { } schema)
            {
                CompareSent(where, key, SchemaShape.Flatten(beforeSchema), SchemaShape.Flatten(schema), BreakRules.RequestParameterRetyped, breaks, checkRequired: false);
            }
        }
    }

    static void CompareRequestBody(string where, IOpenApiRequestBody? @base, IOpenApiRequestBody? head, List<Break> breaks)
    {
        if (head is null)
        {
            return;
        }

        if (head.Required && @base is not { Required: true })
        {
            breaks.Add(new Break(BreakRules.RequestBodyRequired, $"{where} body", @base is null ? "a new required body" : "the body became required"));
        }

        foreach (var (mediaType, content) in head.Content ?? new Dictionary<string, IOpenApiMediaType>())
        {
            if (@base?.Content?.TryGetValue(mediaType, out var before) == true)
            {
                CompareSent(where, $"body {mediaType}", SchemaShape.Flatten(before.Schema), SchemaShape.Flatten(content.Schema), BreakRules.RequestPropertyRetyped, breaks, checkRequired: true);
            }
        }
    }

    // What the client sends: each place newly required, of another type, or allowing fewer values.
    static void CompareSent(string where, string part, IReadOnlyDictionary<string, ShapeNode> @base, IReadOnlyDictionary<string, ShapeNode> head, string retypedRule, List<Break> breaks, bool checkRequired)
    {
        foreach (var (place, node) in head)
        {
            var location = place.Length == 0 ? $"{where} {part}" : $"{where} {part} {place}";
            @base.TryGetValue(place, out var before);
            if (checkRequired && place.Length > 0 && node.Required && before is not { Required: true })
            {
                breaks.Add(new Break(BreakRules.RequestPropertyRequired, location,
                    before is null ? "a new required property" : "an optional property became required"));
            }

            if (before is null)
            {
                continue;
            }

            if (before.Type != node.Type)
            {
                breaks.Add(new Break(retypedRule, location, $"{before.Type} became {node.Type}"));
            }

            if (node.Enum is { } allowed && (before.Enum is null || !before.Enum.IsSubsetOf(allowed)))
            {
                var removed = before.Enum is null ? "any value" : SchemaShape.Describe(before.Enum.Except(allowed, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal));
                breaks.Add(new Break(BreakRules.EnumNarrowed, location, $"no longer accepted: {removed}"));
            }
        }
    }

    static void CompareResponses(string where, OpenApiResponses? @base, OpenApiResponses? head, List<Break> breaks)
    {
        foreach (var (status, baseResponse) in @base ?? [])
        {
            if (!status.StartsWith('2'))
            {
                continue;
            }

            if (head?.TryGetValue(status, out var headResponse) != true || headResponse is null)
            {
                breaks.Add(new Break(BreakRules.SuccessStatusRemoved, $"{where} {status}", "the success status is no longer answered"));
                continue;
            }

            foreach (var (mediaType, content) in baseResponse.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                var location = $"{where} {status} {mediaType}";
                if (headResponse.Content?.TryGetValue(mediaType, out var after) != true || after is null)
                {
                    breaks.Add(new Break(BreakRules.ResponseMediaTypeRemoved, location, "the media type is no longer answered"));
                    continue;
                }

                CompareReceived(location, SchemaShape.Flatten(content.Schema), SchemaShape.Flatten(after.Schema), breaks);
            }
        }
    }

    // What the client reads: each place gone (reported once, at its top) or of another type.
    static void CompareReceived(string location, IReadOnlyDictionary<string, ShapeNode> @base, IReadOnlyDictionary<string, ShapeNode> head, List<Break> breaks)
    {
        var gone = new List<string>();
        foreach (var (place, node) in @base.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (gone.Any(g => place.StartsWith(g + ".", StringComparison.Ordinal) || place.StartsWith(g + "[]", StringComparison.Ordinal)))
            {
                continue;
            }

            var at = place.Length == 0 ? location : $"{location} {place}";
            if (!head.TryGetValue(place, out var after))
            {
                gone.Add(place);
                breaks.Add(new Break(BreakRules.ResponsePropertyRemoved, at, "the property is gone"));
            }
            else if (after.Type != node.Type)
            {
                breaks.Add(new Break(BreakRules.ResponsePropertyRetyped, at, $"{node.Type} became {after.Type}"));
            }
        }
    }

    [GeneratedRegex(@"\{[^}/]*\}")]
    private static partial Regex PathParameter();
}

using System.Text.Json;
using Gateway.CanonicalApi.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Admin;

/// <summary>
/// An admin request's JSON body, or why it was refused: <see cref="Refused"/> for a body that is not JSON (415) or is over
/// <c>Edge:Requests:MaxBodyBytes</c> (413), <see cref="Invalid"/> for JSON that is not the expected object (400 naming the
/// field: an array, a string, <c>null</c>, malformed JSON, a field of the wrong type). Never a 500.
/// </summary>
internal readonly record struct AdminBody<T>(T? Value, ValidationProblem? Invalid, ProblemHttpResult? Refused)
    where T : class
{
    /// <summary>Reads the body; a refusal is audited under <paramref name="action"/>, as the action's other outcomes are.</summary>
    public static async Task<AdminBody<T>> ReadAsync(HttpContext context, string action, AdminAudit audit, JsonSerializerOptions json)
    {
        AdminBody<T> refusal;
        if (!context.Request.HasJsonContentType())
        {
            refusal = new(null, null, CanonicalProblems.UnsupportedMediaType());
        }
        else
        {
            try
            {
                if (await JsonSerializer.DeserializeAsync<T>(context.Request.Body, json, context.RequestAborted) is { } value)
                {
                    return new(value, null, null);
                }

                refusal = InvalidField("body", "A JSON object is required.");
            }
            catch (JsonException e)
            {
                refusal = InvalidField(FieldOf(e.Path), "Not valid JSON for this field.");
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                refusal = new(null, null, TypedResults.Problem(CanonicalProblems.PayloadTooLarge(context)));
            }
        }

        await audit.RecordAsync(context, action, refusal.Status);
        return refusal;
    }

    int Status => Refused?.StatusCode ?? Invalid?.StatusCode ?? StatusCodes.Status200OK;

    static AdminBody<T> InvalidField(string field, string message) =>
        new(null, CanonicalProblems.Invalid(new Dictionary<string, string[]> { [field] = [message] }), null);

    /// <summary><c>$.plan.burst</c> → <c>plan.burst</c>; the root (an array, a string, malformed JSON) is <c>body</c>.</summary>
    static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');
}

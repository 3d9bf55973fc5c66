using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ErpSimulator.Cloud;

/// <summary>The cloud ERP's error answers, always <c>{ "error": { "code", "message" } }</c>.</summary>
internal static class CloudErrors
{
    public static JsonHttpResult<CloudError> Of(int status, string code, string message, string? field = null) =>
        TypedResults.Json(new CloudError(new CloudErrorBody(code, message, field)), statusCode: status);

    public static JsonHttpResult<CloudError> BadRequest(string field, string message) =>
        Of(StatusCodes.Status400BadRequest, "bad_request", message, field);

    public static JsonHttpResult<CloudError> BatchTooLarge(string field, int count) =>
        Of(StatusCodes.Status400BadRequest, "batch_too_large",
            string.Create(CultureInfo.InvariantCulture, $"{field} has {count} entries; at most {CloudKeys.MaxBatch} are allowed per call."), field);

    public static JsonHttpResult<CloudError> NotFound(string message) => Of(StatusCodes.Status404NotFound, "not_found", message);

    public static JsonHttpResult<CloudError> Unavailable() =>
        Of(StatusCodes.Status503ServiceUnavailable, "unavailable", "The service is temporarily unavailable.");

    /// <summary>Declares the error answers of an operation in the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesCloudErrors(this RouteHandlerBuilder endpoint, params int[] statusCodes)
    {
        foreach (var status in statusCodes.Concat([StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable]).Distinct())
        {
            endpoint.Produces<CloudError>(status);
        }

        return endpoint;
    }
}

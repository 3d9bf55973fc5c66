using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gateway.CanonicalApi.OpenApi;

/// <summary>
/// Writes each operation's scope (its authorization policy) into the document as a security requirement; an operation
/// open to any authenticated caller (<c>/me</c>) gets the requirement with no scope.
/// </summary>
internal sealed class ScopeRequirementFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var authorization = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().ToList();
        var scopes = authorization
            .Select(a => a.Policy)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (authorization.Count == 0)
        {
            return;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CanonicalOpenApi.BearerScheme, context.Document)] = [.. scopes] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CanonicalOpenApi.ApiKeyScheme, context.Document)] = [.. scopes] },
        ];
    }
}

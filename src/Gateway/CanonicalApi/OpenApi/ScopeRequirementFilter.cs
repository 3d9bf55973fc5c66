using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gateway.CanonicalApi.OpenApi;

/// <summary>Writes each operation's scope (its authorization policy) into the document as a security requirement.</summary>
internal sealed class ScopeRequirementFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var scopes = context.ApiDescription.ActionDescriptor.EndpointMetadata
            .OfType<IAuthorizeData>()
            .Select(a => a.Policy)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (scopes.Count == 0)
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

using Gateway.CanonicalApi.Validation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gateway.CanonicalApi.OpenApi;

/// <summary>
/// A repeated query parameter (<c>sku=A&amp;sku=B</c>) is read by <see cref="BatchKeys"/>, the one reader of repeated keys:
/// the document states its bounds, at most <see cref="BatchKeys.MaxKeys"/> values of at most
/// <see cref="BatchKeys.MaxKeyLength"/> characters each.
/// </summary>
internal sealed class BatchKeysParameterFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (context.ApiParameterDescription.Type != typeof(string[]) || parameter.Schema is not OpenApiSchema { Items: OpenApiSchema items } schema)
        {
            return;
        }

        schema.MaxItems = BatchKeys.MaxKeys;
        items.MaxLength = BatchKeys.MaxKeyLength;
    }
}

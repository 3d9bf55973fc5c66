using Gateway.Edge;
using Gateway.GraphQL.Endpoint;
using GraphQL.Builders;

namespace Gateway.GraphQL.Guardrails;

/// <summary>
/// Field-level scopes, the GraphQL twin of REST's <c>RequireAuthorization(scope)</c>: a field the caller lacks the scope
/// for resolves to null with a FORBIDDEN error before its resolver (and so before any ERP call) runs; the rest of the
/// query still answers.
/// </summary>
internal static class ScopeRequirement
{
    public static FieldBuilder<TSource, TReturn> RequireScope<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string scope)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.ApplyMiddleware(next => context =>
            context.Request().Http.Features.Get<Caller>() is { } caller && caller.HasScope(scope)
                ? next(context)
                : throw GraphQLErrors.MissingScope(scope));
    }
}

using GraphQL;
using GraphQL.Utilities;

namespace Gateway.GraphQL.Schema;

/// <summary>The served schema as SDL, printed the same way for <c>GET /graphql/schema.graphql</c> and for the committed file.</summary>
internal static class SchemaSdl
{
    public static string Print(GatewaySchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
}

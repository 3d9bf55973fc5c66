using GraphQL.Validation;
using GraphQLParser.AST;

namespace Gateway.GraphQL.Guardrails;

/// <summary>GET requests may only read (GraphQL over HTTP): a mutation sent by GET is refused before it runs.</summary>
internal sealed class QueriesOnly : ValidationRuleBase
{
    public static QueriesOnly Instance { get; } = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(context.Operation.Operation == OperationType.Query ? null : Visitor);

    static readonly MatchingNodeVisitor<GraphQLOperationDefinition> Visitor = new((operation, context) =>
    {
        if (operation == context.Operation)
        {
            context.ReportError(new ValidationError(context.Document.Source, "GET", "Only queries may be sent by GET; send mutations by POST.", operation));
        }
    });
}

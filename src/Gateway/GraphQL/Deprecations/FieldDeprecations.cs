using System.Collections.Frozen;
using Gateway.GraphQL.Schema;
using Gateway.Versions;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Gateway.GraphQL.Deprecations;

/// <summary>
/// Marks the fields <c>Versions:GraphQL:Fields</c> names as <c>@deprecated(reason:)</c> on the live schema, at start-up
/// and again on every accepted reload (<see cref="VersionPolicies.Changed"/>), so introspection, GraphiQL's docs and the
/// SDL show them; a field no longer configured gets back the reason it had in code (none). <see cref="Watch"/> gives the
/// validation rule that tells which of them an operation selects, so their calls are counted per caller.
/// </summary>
internal sealed class FieldDeprecations : IDisposable
{
    readonly GatewaySchema _schema;
    readonly VersionPolicies _policies;
    readonly ILogger<FieldDeprecations> _logger;
    readonly Lock _lock = new();
    readonly Dictionary<FieldType, string?> _original = [];
    volatile FrozenDictionary<FieldType, string> _marked = FrozenDictionary<FieldType, string>.Empty;

    public FieldDeprecations(GatewaySchema schema, VersionPolicies policies, ILogger<FieldDeprecations> logger)
    {
        _schema = schema;
        _policies = policies;
        _logger = logger;
        _schema.Initialize();
        Apply(policies.Current);
        policies.Changed += Apply;
    }

    /// <summary>Whether any field is marked now: without one, no rule needs to run.</summary>
    public bool Any => _marked.Count > 0;

    /// <summary>A rule that adds to <paramref name="selected"/> the name (<c>Product.description</c>) of every marked field the operation selects.</summary>
    public IValidationRule Watch(ISet<string> selected) => new SelectedFields(_marked, selected);

    void Apply(VersionRules rules)
    {
        lock (_lock)
        {
            foreach (var (field, reason) in _original)
            {
                field.DeprecationReason = reason;
            }

            _original.Clear();
            var marked = new Dictionary<FieldType, string>();
            foreach (var rule in rules.Fields.Values)
            {
                if (_schema.AllTypes[rule.TypeName] is not IComplexGraphType type || type.GetField(rule.FieldName) is not { } field)
                {
                    Log.UnknownGraphQLField(_logger, rule.Name);
                    continue;
                }

                _original[field] = field.DeprecationReason;
                field.DeprecationReason = rule.Reason;
                marked[field] = rule.Name;
            }

            _marked = marked.ToFrozenDictionary();
        }
    }

    public void Dispose() => _policies.Changed -= Apply;

    sealed class SelectedFields(FrozenDictionary<FieldType, string> marked, ISet<string> selected) : ValidationRuleBase
    {
        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(new MatchingNodeVisitor<GraphQLField>((_, validation) =>
        {
            if (validation.TypeInfo.GetFieldDef() is { } field && marked.TryGetValue(field, out var name))
            {
                selected.Add(name);
            }
        }));
    }
}

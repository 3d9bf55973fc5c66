using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gateway.GraphQL.Guardrails;

/// <summary>
/// Depth and cost, checked while the query is validated, so before any resolver (and any ERP call) runs. Cost is
/// GraphQL.NET's complexity: 1 per field, times <c>first</c> under a connection and 5 under other lists. A query within
/// the limits then spends <c>ceil(cost / CostPerToken) - 1</c> more tokens of the caller's plan (the request itself spent
/// one at the edge), so a page of 100 priced products weighs more than a lookup of one.
/// </summary>
internal sealed class QueryCost(IOptions<GraphQLOptions> options, IOptions<RateLimiterOptions> limits)
{
    readonly GraphQLOptions _options = options.Value;

    /// <param name="measured">Told the query's cost when it is within the limits.</param>
    public IValidationRule RuleFor(HttpContext http, Action<double> measured) => new ComplexityValidationRule(new ComplexityOptions
    {
        MaxDepth = _options.MaxDepth,
        MaxComplexity = _options.MaxCost,
        ValidateComplexityDelegate = async context =>
        {
            if (context.Error is null)
            {
                measured(context.TotalImpact);
                context.Error = await ChargeAsync(http, context.TotalImpact);
            }
        },
    });

    /// <summary>Spends the tokens a query of <paramref name="cost"/> needs beyond the request's own; null when the plan had them.</summary>
    public async Task<ValidationError?> ChargeAsync(HttpContext http, double cost)
    {
        var extra = (int)Math.Ceiling(cost / _options.CostPerToken) - 1;
        if (extra <= 0 || limits.Value.GlobalLimiter is not { } limiter)
        {
            return null;
        }

        for (var i = 0; i < extra; i++)
        {
            using var lease = await limiter.AcquireAsync(http, 1, http.RequestAborted);
            if (!lease.IsAcquired)
            {
                var retryAfter = lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                return new QueryCostRefused(cost, GraphQLErrors.Seconds(retryAfter));
            }
        }

        return null;
    }
}

/// <summary>The plan cannot pay for the query's cost now; answered with 429 and <c>Retry-After</c>.</summary>
internal sealed class QueryCostRefused : ValidationError, IErrorExtras
{
    public QueryCostRefused(double cost, int retryAfterSeconds)
        : base($"The query's cost ({cost:0}) is more than the caller's plan allows now; retry later or ask for less.")
    {
        Code = GraphQLErrors.RateLimited;
        RetryAfterSeconds = retryAfterSeconds;
        Extras = new Dictionary<string, object?> { ["cost"] = cost, ["retryAfter"] = retryAfterSeconds };
    }

    public int RetryAfterSeconds { get; }

    public IReadOnlyDictionary<string, object?> Extras { get; }
}

using Gateway.Edge;
using Gateway.Edge.RateLimiting;

namespace Gateway.Admin;

/// <summary>Body of <c>POST /admin/partners</c>; nullable throughout so that every missing field is named, not guessed.</summary>
public sealed record PartnerRequest(string? Name, IReadOnlyList<string?>? Scopes, IReadOnlyList<string?>? CustomerIds, PlanRequest? Plan)
{
    public const int MaxNameLength = 200;
    public const int MaxCustomers = 10_000;

    /// <summary>Field name (camelCase, with index or path) to what is wrong with it; empty when the request is valid.</summary>
    internal Dictionary<string, string[]> Validate(CustomerIdRule customerIds)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["A partner needs a name."];
        }
        else if (Name.Length > MaxNameLength)
        {
            errors["name"] = [$"At most {MaxNameLength} characters."];
        }

        if (Scopes is null || Scopes.Count == 0)
        {
            errors["scopes"] = [$"At least one scope of: {string.Join(", ", Edge.Scopes.All)}."];
        }
        else
        {
            for (var i = 0; i < Scopes.Count; i++)
            {
                if (Scopes[i] is not { } scope || !Edge.Scopes.All.Contains(scope))
                {
                    errors[$"scopes[{i}]"] = [$"Unknown scope; known scopes: {string.Join(", ", Edge.Scopes.All)}."];
                }
            }
        }

        ValidateCustomers(errors, customerIds);
        ValidatePlan(errors);
        return errors;
    }

    void ValidateCustomers(Dictionary<string, string[]> errors, CustomerIdRule rule)
    {
        if (CustomerIds is null)
        {
            errors["customerIds"] = ["The customer accounts the partner acts for (may be empty)."];
            return;
        }

        if (CustomerIds.Count > MaxCustomers)
        {
            errors["customerIds"] = [$"At most {MaxCustomers} customer accounts."];
            return;
        }

        for (var i = 0; i < CustomerIds.Count; i++)
        {
            // Ids are kept as sent, not trimmed: " 20001" is not the account 20001, and no id may read as a list.
            if (!rule.Accepts(CustomerIds[i]))
            {
                errors[$"customerIds[{i}]"] = [$"Not a customer id: it must match {rule.Pattern} (Admin:CustomerIdPattern) as a whole."];
            }
        }
    }

    void ValidatePlan(Dictionary<string, string[]> errors)
    {
        if (Plan is null)
        {
            errors["plan"] = ["A plan: { requestsPerSecond, burst, dailyQuota }."];
            return;
        }

        if (Plan.RequestsPerSecond is not > 0)
        {
            errors["plan.requestsPerSecond"] = ["A positive number of requests per second."];
        }

        if (Plan.Burst is not > 0)
        {
            errors["plan.burst"] = ["A positive burst."];
        }

        if (Plan.DailyQuota is not > 0)
        {
            errors["plan.dailyQuota"] = ["A positive daily quota."];
        }
        else if (Plan.DailyQuota > RateLimitHeaders.MaxQuota)
        {
            errors["plan.dailyQuota"] = [$"At most {RateLimitHeaders.MaxQuota}: the RateLimit headers carry at most 15 digits."];
        }
    }

    /// <summary>The plan of a request that <see cref="Validate"/> accepted.</summary>
    public PartnerPlan ToPlan() => new(Plan!.RequestsPerSecond!.Value, Plan.Burst!.Value, Plan.DailyQuota!.Value);
}

/// <summary>A partner's plan as the admin API receives it.</summary>
public sealed record PlanRequest(int? RequestsPerSecond, int? Burst, long? DailyQuota);

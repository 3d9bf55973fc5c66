namespace Gateway.Edge.Scoping;

/// <summary>
/// Customer scoping, asked by every endpoint that takes a customer in its path, query, body or GraphQL argument.
/// A customer the caller does not act for is answered exactly like one that does not exist (404), so that a partner
/// cannot even learn which account numbers are real.
/// </summary>
public static class CustomerAccess
{
    /// <summary>True when the authenticated caller may act for <paramref name="customerId"/>; false without a caller.</summary>
    public static bool CallerActsFor(this HttpContext context, string customerId)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<Caller>() is { } caller && caller.ActsFor(customerId);
    }

    /// <summary>
    /// The customer a request means when it names none: the only account a storefront token or a single-customer partner
    /// acts for. Null when the caller acts for several (or every) account and must name one.
    /// </summary>
    public static string? ImpliedCustomer(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<Caller>()?.CustomerIds is { Count: 1 } only ? only.First() : null;
    }
}

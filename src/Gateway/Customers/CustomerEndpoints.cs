using System.ComponentModel.DataAnnotations;
using Gateway.Caching;
using Gateway.CanonicalApi.Problems;
using Gateway.CanonicalApi.Validation;
using Gateway.Core;
using Gateway.Core.Customers;
using Gateway.Edge;
using Gateway.Edge.Scoping;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Customers;

/// <summary>
/// <c>/v1/customers/{customerId}</c>: the account an order is placed against (terms, credit status, bill-to, ship-tos),
/// so it is read with the ordering scope <c>orders:read</c>.
/// </summary>
public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder v1)
    {
        var customers = v1.MapGroup("/customers").WithTags("Customers").RequireAuthorization(Scopes.OrdersRead).KeepsAnswers();
        customers.MapGet("/{customerId}", GetCustomer)
            .WithName("GetCustomer")
            .WithSummary("One customer account, with its bill-to and ship-to addresses.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    static async Task<Results<Ok<Customer>, ProblemHttpResult>> GetCustomer(
        [MaxLength(BatchKeys.MaxKeyLength)] string customerId, HttpContext context, ICustomerSource customers, CancellationToken cancellationToken)
    {
        // Asked before the ERP: an account the caller does not act for costs no ERP call and answers like an unknown one.
        if (!context.CallerActsFor(customerId))
        {
            return CanonicalProblems.NotFound("customer", customerId);
        }

        var found = await customers.GetCustomersAsync([customerId], cancellationToken);
        return found.Count > 0 ? TypedResults.Ok(found[0]) : CanonicalProblems.NotFound("customer", customerId);
    }
}

using System.Threading.RateLimiting;
using Gateway.Erp;
using Gateway.Erp.Outbound.Budget;

namespace Gateway.Tests.Erp.Outbound.Budget;

/// <summary>Budget calls as plain tasks, so a test can look at a lease that is due now without blocking for it.</summary>
internal static class BudgetCalls
{
    public static Task<RateLimitLease> Ask(this IErpBudget budget, ErpTrafficClass traffic = ErpTrafficClass.Interactive) =>
        budget.AcquireAsync(traffic, CancellationToken.None).AsTask();

    public static Task<RateLimitLease> AskUntil(this IErpBudget budget, CancellationToken cancellationToken) =>
        budget.AcquireAsync(ErpTrafficClass.Interactive, cancellationToken).AsTask();

    /// <summary>The lease of a call that must already have been answered (granted or refused).</summary>
    public static RateLimitLease Settled(this Task<RateLimitLease> call)
    {
        Assert.True(call.IsCompletedSuccessfully, "the budget should have answered already");
        return call.GetAwaiter().GetResult();
    }

    public static bool Granted(this Task<RateLimitLease> call) => call.IsCompletedSuccessfully && call.Settled().IsAcquired;
}

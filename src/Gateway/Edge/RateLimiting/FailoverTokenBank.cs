using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Edge.RateLimiting;

/// <summary>
/// Leases from Redis while it answers, and from this instance's share of the plan (1/live instances) while it
/// does not. Once degraded, requests stop trying Redis: the heartbeat probes it and switches back by itself.
/// </summary>
internal sealed class FailoverTokenBank(
    RedisTokenBank? redis,
    LocalTokenBank local,
    ClusterMembership cluster) : ITokenBank
{
    public ValueTask<TokenGrant> LeaseAsync(TokenRequest request)
    {
        if (redis is null)
        {
            return ValueTask.FromResult(local.Lease(request, share: 1));
        }

        if (cluster.Degraded)
        {
            return ValueTask.FromResult(local.Lease(request, cluster.Instances));
        }

        return LeaseSharedAsync(request);
    }

    async ValueTask<TokenGrant> LeaseSharedAsync(TokenRequest request)
    {
        try
        {
            return await redis!.LeaseAsync(request);
        }
        catch (Exception error) when (RedisFailures.IsFailure(error))
        {
            cluster.ReportFailure(error);
            return local.Lease(request, cluster.Instances);
        }
    }
}

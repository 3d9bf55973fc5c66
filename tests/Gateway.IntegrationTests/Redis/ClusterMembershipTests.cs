using Gateway.Core.Redis;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Redis;

/// <summary>The one heartbeat of the inbound limits and the ERP budgets, on a real redis-server.</summary>
public sealed class ClusterMembershipTests
{
    static readonly TimeSpan InstanceTimeout = TimeSpan.FromMilliseconds(800);

    static MembershipSettings Settings => new("test:instances", TimeSpan.FromMilliseconds(100), InstanceTimeout, TimeSpan.FromSeconds(1), ExpectedInstances: 1);

    [Theory]
    [MemberData(nameof(RedisDeployment.Both), MemberType = typeof(RedisDeployment))]
    public async Task Two_instances_see_each_other_and_one_that_stops_beating_is_dropped_after_its_timeout(RedisKind kind)
    {
        await using var redis = await RedisDeployment.StartAsync(kind);
        await using var firstConnection = new RedisConnection(redis.ConnectionString);
        var secondConnection = new RedisConnection(redis.ConnectionString);
        await using var first = new ClusterMembership(firstConnection, Settings, TimeProvider.System);
        await using var second = new ClusterMembership(secondConnection, Settings, TimeProvider.System);

        await first.StartAsync();
        await second.StartAsync();
        await Eventually.WaitForAsync(() => Task.FromResult(first.Instances), live => live == 2);
        Assert.Equal(2, second.Instances);

        // The second instance dies without leaving: its connection goes, and its heartbeats with it.
        await secondConnection.DisposeAsync();
        var stoppedAt = DateTime.UtcNow;
        await Eventually.WaitForAsync(() => Task.FromResult(first.Instances), live => live == 1);

        Assert.True(DateTime.UtcNow - stoppedAt >= InstanceTimeout - TimeSpan.FromMilliseconds(150), "dropped before its timeout");
        Assert.False(first.Degraded);
    }

    [Fact]
    public async Task An_instance_that_leaves_is_dropped_at_once()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var connection = new RedisConnection(redis.ConnectionString);
        await using var staying = new ClusterMembership(connection, Settings with { InstanceTimeout = TimeSpan.FromMinutes(1) }, TimeProvider.System);
        var leaving = new ClusterMembership(connection, Settings with { InstanceTimeout = TimeSpan.FromMinutes(1) }, TimeProvider.System);
        await staying.StartAsync();
        await leaving.StartAsync();
        await Eventually.WaitForAsync(() => Task.FromResult(staying.Instances), live => live == 2);

        await leaving.LeaveAsync(TestContext.Current.CancellationToken);

        await Eventually.WaitForAsync(() => Task.FromResult(staying.Instances), live => live == 1, seconds: 5);
    }

    [Fact]
    public async Task Without_redis_it_is_degraded_with_the_expected_share_and_recovers_when_redis_answers()
    {
        var redis = new RedisServer();
        await using var connection = new RedisConnection(redis.ConnectionString);
        await using var sut = new ClusterMembership(connection, Settings with { ExpectedInstances = 3 }, TimeProvider.System);
        var lost = 0;
        var back = 0;
        sut.RedisLost += _ => Interlocked.Increment(ref lost);
        sut.RedisBack += _ => Interlocked.Increment(ref back);

        await sut.StartAsync();
        Assert.True(sut.Degraded);
        Assert.Equal(3, sut.Instances);
        Assert.NotNull(sut.LastError);

        await using (redis)
        {
            await redis.StartAsync();
            await Eventually.WaitForAsync(() => Task.FromResult(sut.Degraded), degraded => !degraded, seconds: 20);

            // While Redis still runs: once it stops, the next beat is a second outage.
            Assert.Equal(1, sut.Instances);
            Assert.Equal(1, lost);
            Assert.Equal(1, back);
        }
    }
}

using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Tests.Core.Redis;

public class RedisFailuresTests
{
    [Fact]
    public void IsOutage_UnreachableTimedOutOrLoading_True()
    {
        Assert.True(RedisFailures.IsOutage(new RedisConnectionException(ConnectionFailureType.SocketFailure, "gone")));
        Assert.True(RedisFailures.IsOutage(new RedisTimeoutException("slow", CommandStatus.Sent)));
        Assert.True(RedisFailures.IsOutage(new TimeoutException("WaitAsync bound")));
        Assert.True(RedisFailures.IsOutage(new RedisServerException("LOADING Redis is loading the dataset in memory")));
    }

    [Theory]
    [InlineData("READONLY You can't write against a read only replica.")]
    [InlineData("NOREPLICAS Not enough good replicas to write.")]
    [InlineData("MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.")]
    [InlineData("TRYAGAIN Multiple keys request during rehashing of slot")]
    [InlineData("CLUSTERDOWN The cluster is down")]
    [InlineData("EXECABORT Transaction discarded because of previous errors.")]
    public void IsOutage_FailoverOrSlotMigrationInProgress_True(string reply)
    {
        Assert.True(RedisFailures.IsOutage(new RedisServerException(reply)));
    }

    [Fact]
    public void IsOutage_CancelledByTheClientOrByTheCaller_OnlyTheClientsIsAnOutage()
    {
        using var caller = new CancellationTokenSource();
        caller.Cancel();

        Assert.True(RedisFailures.IsOutage(new TaskCanceledException()));
        Assert.False(RedisFailures.IsOutage(new OperationCanceledException(caller.Token)));
        Assert.False(RedisFailures.IsFailure(new TaskCanceledException("request gone", null, caller.Token)));
    }

    [Fact]
    public void IsOutage_ExceptionFromInsideTheClient_TrueAndTheGatewaysOwnIsNot()
    {
        var inside = Record.Exception(() => ConfigurationOptions.Parse("127.0.0.1:6379,connectTimeout=not-a-number"));
        var own = Record.Exception(ThrowOwnBug);

        Assert.NotNull(inside);
        Assert.IsNotType<RedisException>(inside, exactMatch: false);
        Assert.True(RedisFailures.IsOutage(inside));
        Assert.False(RedisFailures.IsOutage(own!));
        Assert.False(RedisFailures.IsFailure(own!));
    }

    [Fact]
    public void IsFailure_RedisErrorNotAboutReachingRedis_TrueButNotAnOutage()
    {
        var wrongType = new RedisServerException("WRONGTYPE Operation against a key holding the wrong kind of value");

        Assert.False(RedisFailures.IsOutage(wrongType));
        Assert.True(RedisFailures.IsFailure(wrongType));
    }

    static void ThrowOwnBug() => throw new InvalidOperationException("a bug of ours");
}

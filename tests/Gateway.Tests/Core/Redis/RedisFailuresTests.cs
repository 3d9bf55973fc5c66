using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Tests.Core.Redis;

public class RedisFailuresTests
{
    [Fact]
    public void Unreachable_timed_out_or_loading_is_an_outage()
    {
        Assert.True(RedisFailures.IsOutage(new RedisConnectionException(ConnectionFailureType.SocketFailure, "gone")));
        Assert.True(RedisFailures.IsOutage(new RedisTimeoutException("slow", CommandStatus.Sent)));
        Assert.True(RedisFailures.IsOutage(new TimeoutException("WaitAsync bound")));
        Assert.True(RedisFailures.IsOutage(new RedisServerException("LOADING Redis is loading the dataset in memory")));
    }

    [Fact]
    public void A_command_cancelled_by_the_client_is_an_outage_and_a_callers_own_cancellation_is_not()
    {
        using var caller = new CancellationTokenSource();
        caller.Cancel();

        Assert.True(RedisFailures.IsOutage(new TaskCanceledException()));
        Assert.False(RedisFailures.IsOutage(new OperationCanceledException(caller.Token)));
        Assert.False(RedisFailures.IsFailure(new TaskCanceledException("request gone", null, caller.Token)));
    }

    [Fact]
    public void An_exception_the_client_threw_from_inside_is_an_outage_and_the_gateways_own_is_not()
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
    public void A_redis_error_that_is_not_about_reaching_redis_is_a_failure_but_not_an_outage()
    {
        var wrongType = new RedisServerException("WRONGTYPE Operation against a key holding the wrong kind of value");

        Assert.False(RedisFailures.IsOutage(wrongType));
        Assert.True(RedisFailures.IsFailure(wrongType));
    }

    static void ThrowOwnBug() => throw new InvalidOperationException("a bug of ours");
}

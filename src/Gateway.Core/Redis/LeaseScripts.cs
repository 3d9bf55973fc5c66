namespace Gateway.Core.Redis;

/// <summary>
/// The one lease of a key held by one holder at a time (the legacy feed's poller, an endpoint's deliverer): KEYS[1] is
/// the lease, ARGV[1] the holder. A holder renews by holding again; a holder that stops renewing loses the lease when
/// it expires, and another takes it.
/// </summary>
public static class LeaseScripts
{
    /// <summary>Takes or renews the lease for ARGV[2] milliseconds; 1 when the holder has it now, 0 when another does.</summary>
    public const string Hold = """
        local holder = redis.call('GET', KEYS[1])
        if not holder then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return 1
        end
        if holder == ARGV[1] then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return 1
        end
        return 0
        """;

    /// <summary>Gives the lease up if the holder still has it.</summary>
    public const string Release = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;
}

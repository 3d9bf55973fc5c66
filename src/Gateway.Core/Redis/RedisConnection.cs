using StackExchange.Redis;

namespace Gateway.Core.Redis;

/// <summary>
/// The process's Redis (<c>ConnectionStrings:Redis</c>): one multiplexer shared by every feature, as StackExchange.Redis
/// advises, connected once on the first call and in the background, so an unreachable Redis never fails or holds up a
/// start: the multiplexer keeps reconnecting, and each feature serves its outage fallback meanwhile.
/// </summary>
public sealed class RedisConnection(string? connectionString) : IAsyncDisposable
{
    /// <summary>The client name (<c>CLIENT LIST</c>) of the shared multiplexer, unless the connection string names one.</summary>
    public const string ClientName = "gateway";

    static readonly TimeSpan MinimumConnectWait = TimeSpan.FromSeconds(1);

    readonly Lock _lock = new();
    readonly List<ConnectionMultiplexer> _dedicated = [];
    readonly List<Action<IConnectionMultiplexer>> _observers = [];
    Task<IConnectionMultiplexer>? _connecting;
    volatile ConnectionMultiplexer? _multiplexer;
    bool _disposed;

    /// <summary>False in the embedded mode (no <c>ConnectionStrings:Redis</c>).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(connectionString);

    /// <summary>
    /// The shared multiplexer; null until the first connect attempt has returned, and always in the embedded mode.
    /// Its commands fail fast while Redis is away (no backlog), so callers go to their fallback at once.
    /// </summary>
    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    /// <summary>Database 0 of the shared multiplexer, or null (see <see cref="Multiplexer"/>).</summary>
    public IDatabase? Database => _multiplexer?.GetDatabase();

    /// <summary>Database 0 of the shared multiplexer once the first connect attempt has returned (see <see cref="ConnectAsync()"/>).</summary>
    public async Task<IDatabase> DatabaseAsync() => (await ConnectAsync()).GetDatabase();

    /// <summary>True while the shared multiplexer is connected.</summary>
    public bool IsConnected => _multiplexer?.IsConnected == true;

    /// <summary>
    /// The shared multiplexer, connecting it on the first call (every caller awaits the same attempt; one that threw is
    /// tried again by the next caller). It returns when connected or when the connect timeout of the connection string
    /// ends, whichever is first; not connected is not an error.
    /// </summary>
    public Task<IConnectionMultiplexer> ConnectAsync()
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("No ConnectionStrings:Redis: this node runs embedded, without Redis.");
        }

        lock (_lock)
        {
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectSharedAsync();
            }

            return _connecting;
        }
    }

    /// <summary>
    /// <see cref="ConnectAsync()"/>, waiting at most as long as one of the caller's commands may take (<paramref name="commandTimeout"/>),
    /// but at least a second, since a connect takes more round trips than a command: for a feature that would rather
    /// start with Redis (its first requests already shared) but must not wait long for it. Null when not connected by then.
    /// </summary>
    public async Task<IConnectionMultiplexer?> ConnectAsync(TimeSpan commandTimeout)
    {
        try
        {
            var within = commandTimeout < MinimumConnectWait ? MinimumConnectWait : commandTimeout;
            var multiplexer = await ConnectAsync().WaitAsync(within);
            return multiplexer.IsConnected ? multiplexer : null;
        }
        catch (Exception error) when (RedisFailures.IsFailure(error))
        {
            return null;
        }
    }

    /// <summary>
    /// A multiplexer of its own, for the one kind of feature the shared one cannot serve: commands that should wait in a
    /// backlog while Redis reconnects instead of failing fast (the policy belongs to a multiplexer, not to a command).
    /// Connects on this call; disposed with this connection.
    /// </summary>
    public IConnectionMultiplexer ConnectQueueing(string clientName)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("No ConnectionStrings:Redis: this node runs embedded, without Redis.");
        }

        var multiplexer = ConnectionMultiplexer.Connect(Configuration(clientName, BacklogPolicy.Default));
        Action<IConnectionMultiplexer>[] observers;
        lock (_lock)
        {
            _dedicated.Add(multiplexer);
            observers = [.. _observers];
        }

        Tell(observers, multiplexer);
        return multiplexer;
    }

    /// <summary>
    /// Calls <paramref name="observer"/> with every multiplexer this connection makes, at once with those made already:
    /// for what must see each one, such as the tracing of Redis commands, without this project knowing of it.
    /// </summary>
    public void OnConnected(Action<IConnectionMultiplexer> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ConnectionMultiplexer[] made;
        lock (_lock)
        {
            _observers.Add(observer);
            made = _multiplexer is { } shared ? [shared, .. _dedicated] : [.. _dedicated];
        }

        foreach (var multiplexer in made)
        {
            observer(multiplexer);
        }
    }

    /// <summary>Tells the observers of a multiplexer published together with their snapshot (under the lock), so each sees it once.</summary>
    static void Tell(Action<IConnectionMultiplexer>[] observers, ConnectionMultiplexer multiplexer)
    {
        foreach (var observer in observers)
        {
            observer(multiplexer);
        }
    }

    async Task<IConnectionMultiplexer> ConnectSharedAsync()
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(Configuration(ClientName, BacklogPolicy.FailFast));
        Action<IConnectionMultiplexer>[]? observers = null;
        lock (_lock)
        {
            if (!_disposed)
            {
                _multiplexer = multiplexer;
                observers = [.. _observers];
            }
        }

        if (observers is not null)
        {
            Tell(observers, multiplexer);
            return multiplexer;
        }

        // Disposed while connecting (a host stopping before Redis answered): nobody else will close it.
        await multiplexer.DisposeAsync();
        throw new ObjectDisposedException(nameof(RedisConnection));
    }

    ConfigurationOptions Configuration(string clientName, BacklogPolicy backlog)
    {
        var configuration = ConfigurationOptions.Parse(connectionString!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = backlog;
        configuration.ClientName ??= clientName;
        return configuration;
    }

    public async ValueTask DisposeAsync()
    {
        ConnectionMultiplexer[] all;
        lock (_lock)
        {
            _disposed = true;
            all = [.. _dedicated];
            _dedicated.Clear();
        }

        foreach (var multiplexer in all)
        {
            await multiplexer.DisposeAsync();
        }

        if (_multiplexer is { } shared)
        {
            await shared.DisposeAsync();
        }
    }
}

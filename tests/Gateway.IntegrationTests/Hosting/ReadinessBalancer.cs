using System.Net;
using System.Net.Sockets;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Hosting;

/// <summary>
/// A load balancer as the tests need one: sends each request to the next instance whose <c>/health/ready</c> answered
/// 200 at the last probe (every 100 ms), and retries on another instance only when the connection was refused (nothing
/// was sent), as a real balancer would. Any other failure is the caller's to count.
/// </summary>
internal sealed class ReadinessBalancer : IAsyncDisposable
{
    static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    readonly GatewayProcess[] _instances;
    readonly bool[] _ready;
    readonly CancellationTokenSource _stop = new();
    readonly Task _probes;
    int _next;

    public ReadinessBalancer(params GatewayProcess[] instances)
    {
        _instances = instances;
        _ready = [.. instances.Select(_ => true)];
        Answered = new long[instances.Length];
        SeenNotReady = new long[instances.Length];
        _probes = ProbeAsync(_stop.Token);
    }

    /// <summary>Requests answered by each instance, by its index.</summary>
    public long[] Answered { get; }

    /// <summary>Times each instance was seen not ready, by its index.</summary>
    public long[] SeenNotReady { get; }

    /// <summary>Sends the request made by <paramref name="request"/> (made again for a retry) to a ready instance.</summary>
    public async Task<(HttpResponseMessage Response, int Instance)> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var index = Pick();
            try
            {
                using var message = request();
                var response = await _instances[index].Client.SendAsync(message, cancellationToken);
                Interlocked.Increment(ref Answered[index]);
                return (response, index);
            }
            catch (HttpRequestException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && attempt < 10)
            {
                // Not listening (any more): nothing reached it, so another instance may be asked.
                Volatile.Write(ref _ready[index], false);
            }
        }
    }

    int Pick()
    {
        for (var i = 0; i < _instances.Length; i++)
        {
            var index = (int)((uint)Interlocked.Increment(ref _next) % _instances.Length);
            if (Volatile.Read(ref _ready[index]))
            {
                return index;
            }
        }

        return 0;
    }

    async Task ProbeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            for (var i = 0; i < _instances.Length; i++)
            {
                var ready = false;
                try
                {
                    using var response = await _instances[i].Client.GetAsync("health/ready", cancellationToken);
                    ready = response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    // Gone.
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                if (!ready)
                {
                    Interlocked.Increment(ref SeenNotReady[i]);
                }

                Volatile.Write(ref _ready[i], ready);
            }

            try
            {
                await Task.Delay(ProbeInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _probes;
        _stop.Dispose();
    }
}

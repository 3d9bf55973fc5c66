using System.Net;
using System.Net.Sockets;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// Loopback ports for the servers the tests start (Redis, gateways, the simulator's webhook targets). They come from
/// 10000-29999, below the kernel's ephemeral range (32768-60999 on Linux) where outgoing connections and port-0
/// listeners take theirs: a port picked here and bound a moment later cannot be taken meanwhile by a connection the run
/// opens. Each port is handed out once per run; one in use (another process) is skipped. A cluster node's port comes
/// from 10000-19999 with its bus port (+10000) reserved beside it; other servers' ports from 20000-29999.
/// </summary>
internal static class FreePorts
{
    const int Span = 10_000;
    const int NodeBase = 10_000;
    const int ServerBase = 20_000;
    const int BusOffset = 10_000;

    static readonly Lock Gate = new();
    static readonly HashSet<int> Given = [];

    // A different start per test process, so that two processes rarely probe the same ports at once.
    static int _next = Random.Shared.Next(Span);

    /// <summary>A port for a server.</summary>
    public static int Next() => Take(ServerBase, bus: false);

    /// <summary>A port for a Redis Cluster node whose bus port (+10000) is free and reserved too.</summary>
    public static int ClusterNode() => Take(NodeBase, bus: true);

    static int Take(int first, bool bus)
    {
        lock (Gate)
        {
            for (var tried = 0; tried < Span; tried++)
            {
                var port = first + (_next++ % Span);
                if (Given.Contains(port) || (bus && Given.Contains(port + BusOffset)) || !IsFree(port) || (bus && !IsFree(port + BusOffset)))
                {
                    continue;
                }

                Given.Add(port);
                if (bus)
                {
                    Given.Add(port + BusOffset);
                }

                return port;
            }
        }

        throw new InvalidOperationException("No free loopback port is left in 10000-29999.");
    }

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

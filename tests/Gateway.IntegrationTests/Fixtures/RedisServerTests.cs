using System.Net.Sockets;
using System.Text;

namespace Gateway.IntegrationTests.Fixtures;

// The fixture every Redis test stands on: it must really start, stop and come back on the same port.
public class RedisServerTests
{
    [Fact]
    public async Task Redis_server_answers_and_comes_back_after_a_stop()
    {
        await using var sut = new RedisServer();
        await sut.StartAsync();
        Assert.Equal("+PONG", await PingAsync(sut.Port));

        await sut.StopAsync();
        await Assert.ThrowsAnyAsync<SocketException>(() => PingAsync(sut.Port));

        await sut.StartAsync();
        Assert.Equal("+PONG", await PingAsync(sut.Port));
    }

    static async Task<string> PingAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
        await using var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
    }
}

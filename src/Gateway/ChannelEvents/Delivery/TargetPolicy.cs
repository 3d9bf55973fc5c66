using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Gateway.ChannelEvents.Delivery;

/// <summary>
/// Which URLs the gateway may call for a channel: <c>https</c>, no credentials in the URL, and a host outside loopback,
/// link-local, private, shared (CGNAT), multicast and reserved ranges, unless <see cref="WebhooksOptions.AllowInsecureTargets"/>.
/// Checked when an endpoint is registered (the URL and what its host resolves to now) and again at every connection
/// (<see cref="ConnectAsync"/>), so a name that later resolves inward (DNS rebinding) is still refused.
/// </summary>
internal sealed class TargetPolicy(IOptions<WebhooksOptions> options)
{
    public const int MaxUrlLength = 2048;

    /// <summary>Why <paramref name="url"/> is refused; null when it is allowed.</summary>
    public async Task<string?> RefusalAsync(string? url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Required.";
        }

        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"An absolute URL of at most {MaxUrlLength} characters is required.";
        }

        var insecure = options.Value.AllowInsecureTargets;
        if (uri.Scheme != Uri.UriSchemeHttps && !(insecure && uri.Scheme == Uri.UriSchemeHttp))
        {
            return "Must be an https URL.";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "Must carry no credentials and no fragment.";
        }

        if (insecure)
        {
            return null;
        }

        if (uri.IsLoopback || uri.DnsSafeHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) || uri.DnsSafeHost.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "Must not point at a loopback, link-local or private address.";
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return "Its host does not resolve.";
        }

        return addresses.Length == 0 ? "Its host does not resolve." : addresses.Any(IsInternal) ? "Must not point at a loopback, link-local or private address." : null;
    }

    /// <summary>The handler's connect step: resolves the host and refuses an internal address before any byte is sent.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!options.Value.AllowInsecureTargets)
        {
            addresses = [.. addresses.Where(a => !IsInternal(a))];
        }

        if (addresses.Length == 0)
        {
            throw new HttpRequestException("The webhook target resolves to no address the gateway may call.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Loopback, unspecified, link-local, private (RFC 1918, ULA), shared (RFC 6598), multicast and reserved addresses.</summary>
    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168);
        }

        var v6 = address.GetAddressBytes();
        return IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || (v6[0] & 0xFE) == 0xFC;
    }
}

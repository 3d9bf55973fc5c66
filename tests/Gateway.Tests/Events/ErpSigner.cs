using System.Security.Cryptography;
using System.Text;

namespace Gateway.Tests.Events;

/// <summary>Signs webhooks as the cloud ERP does, independently of the gateway's code: the bytes are joined, then hashed.</summary>
internal static class ErpSigner
{
    public static string BodyOnly(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static string Timestamped(string timestamp, byte[] body, string secret) =>
        BodyOnly([.. Encoding.ASCII.GetBytes(timestamp + "."), .. body], secret);
}

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.RateLimiting;

/// <summary>
/// The network address a caller is counted under. Behind a reverse proxy this is the proxy's address unless
/// <c>Service:TrustForwardedFor</c> lets the forwarded-headers middleware put the client's address on the connection.
/// </summary>
public static class ClientAddress
{
    /// <summary>
    /// IPv4 addresses as they are; IPv6 addresses by their /64 prefix, because one host usually holds a whole /64
    /// and could otherwise take a fresh address, and a fresh budget, for every request.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}

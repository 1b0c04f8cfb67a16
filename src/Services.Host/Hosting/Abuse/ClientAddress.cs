using System.Net;
using System.Net.Sockets;

namespace OneThing.Host.Hosting.Abuse;

/// <summary>
/// The client address rate limits count against: the connection's remote address, which the forwarded-headers
/// middleware replaces with the X-Forwarded-For address only when the connection comes from a known proxy
/// (<c>Hosting:KnownProxies</c>). IPv6 clients are counted per /64, since one subscriber usually holds a whole /64.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown"; // in-process test server: no socket
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}

using System.Net;
using System.Net.Sockets;

namespace ChangeBot.Testing.Monitoring;

/// <summary>A free TCP port on 127.0.0.1, for servers that can't be told to pick one themselves.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

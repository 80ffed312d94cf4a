using System.Net;
using System.Net.Sockets;

namespace Programmes.Testing;

/// <summary>
/// Ports for the test systems' own listeners and for containers published on fixed host ports. A port taken from
/// the kernel's ephemeral range (port 0) is free only at that instant: Docker publishes containers' random ports
/// from the same range, and the test projects run side by side, so another project's container could take it
/// before the service binds, or while a service is stopped for a restart. These ports come from below that range,
/// where neither the kernel nor Docker hands out ports on its own.
/// </summary>
public static class LoopbackPorts
{
    private const int Lowest = 20_000;

    /// <summary>A loopback port that was free when asked, outside the ephemeral range when the machine allows.</summary>
    public static int Free()
    {
        var ephemeralStart = EphemeralRangeStart();
        if (ephemeralStart > Lowest + 1_000)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var port = Random.Shared.Next(Lowest, ephemeralStart);
                if (TryBind(port))
                {
                    return port;
                }
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool TryBind(int port)
    {
        try
        {
            // Bound on every address, as a published container port would be.
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            ? start
            : 0;
    }
}

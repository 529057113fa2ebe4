using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RemoteIo.LoadTool;

/// <summary>
/// The floor under the round trip: a bare .NET async TCP ping-pong over loopback between this
/// process and a second one (this tool in <c>echo</c> mode), 32-byte messages, no framing, no
/// actors. Run next to the host's round trip, it tells how fast this machine is right now: on a VM
/// the same binary's p50 drifts with the host's load by a factor of two, and the floor drifts with it.
/// </summary>
internal static class SocketFloorScenario
{
    /// <summary>The message size (a command frame is about this big).</summary>
    private const int MessageBytes = 32;

    /// <summary>Runs the ping-pong against a spawned echo process and prints the percentiles.</summary>
    /// <param name="samples">Measured round trips.</param>
    /// <param name="warmup">Round trips before measuring.</param>
    /// <returns>Completes when done.</returns>
    public static async Task RunAsync(int samples, int warmup)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        info.ArgumentList.Add(typeof(SocketFloorScenario).Assembly.Location);
        info.ArgumentList.Add("echo");
        using var echo = Process.Start(info) ?? throw new InvalidOperationException("could not start the echo process");
        try
        {
            var port = int.Parse(await echo.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the echo process printed no port"), CultureInfo.InvariantCulture);
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            var message = new byte[MessageBytes];
            var reply = new byte[MessageBytes];
            var measured = new double[samples];
            var warmedUp = await TieredCompilation.WarmUpAsync(PingAsync, warmup, "round trips", echo.Id, Environment.ProcessId);
            for (var i = 0; i < samples; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await PingAsync();
                measured[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }

            Console.WriteLine($"  bare .NET async TCP ping-pong, two processes (the floor): {Percentiles.Describe(measured)}");
            Console.WriteLine($"    ({warmedUp})");

            async Task PingAsync()
            {
                await socket.SendAsync(message, SocketFlags.None);
                for (var got = 0; got < MessageBytes;)
                {
                    got += await socket.ReceiveAsync(reply.AsMemory(got), SocketFlags.None);
                }
            }
        }
        finally
        {
            echo.Kill();
            await echo.WaitForExitAsync();
        }
    }

    /// <summary>The echo process: prints its port, echoes one connection until it closes.</summary>
    /// <returns>0.</returns>
    public static async Task<int> EchoAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        Console.WriteLine(((IPEndPoint)listener.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture));
        using var connection = await listener.AcceptAsync();
        connection.NoDelay = true;
        var buffer = new byte[4096];
        int received;
        while ((received = await connection.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            await connection.SendAsync(buffer.AsMemory(0, received), SocketFlags.None);
        }

        return 0;
    }
}

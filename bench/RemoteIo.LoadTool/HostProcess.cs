using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace RemoteIo.LoadTool;

/// <summary>
/// remoteio-host run as its own process (simulated GPIO, loopback TCP): measures how long it takes
/// from spawning to accepting a connection, and reads its CPU time and memory from /proc.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    /// <summary>The process.</summary>
    private readonly Process _process;

    /// <summary>Creates the wrapper.</summary>
    private HostProcess(Process process, int port, string transitions, TimeSpan startToAccepting, string readyLine)
    {
        _process = process;
        Port = port;
        TransitionLogPath = transitions;
        StartToAccepting = startToAccepting;
        ReadyLine = readyLine;
    }

    /// <summary>The TCP port.</summary>
    public int Port { get; }

    /// <summary>Where the host writes its transition log.</summary>
    public string TransitionLogPath { get; }

    /// <summary>From spawning the process to the first accepted connection.</summary>
    public TimeSpan StartToAccepting { get; }

    /// <summary>The host's own "listening ... ready N ms" log line.</summary>
    public string ReadyLine { get; }

    /// <summary>Spawns the host and waits until it accepts a TCP connection.</summary>
    /// <param name="port">The port to listen on.</param>
    /// <param name="extra">Extra HOCON overrides.</param>
    /// <returns>The running host.</returns>
    public static async Task<HostProcess> StartAsync(int port, params string[] extra)
    {
        var transitions = Path.Combine(Path.GetTempPath(), $"remoteio-load-{Environment.ProcessId}.csv");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "remoteio-host.dll"));
        foreach (var argument in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture), "--gpio", "simulated",
            $"remoteio.gpio.simulation.transition-log-path=\"{transitions}\"",
            "remoteio.host.log.level=warning",
        }.Concat(extra))
        {
            info.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.Contains("ready", StringComparison.Ordinal))
            {
                ready.TrySetResult(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"host: {e.Data}");
            }
        };

        var spawned = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var accepting = await WaitAcceptingAsync(port, process);
        var elapsed = Stopwatch.GetElapsedTime(spawned);
        var line = await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(5))) == ready.Task ? ready.Task.Result : "(the host logged no ready line at warning level)";
        return accepting ? new HostProcess(process, port, transitions, elapsed, line) : throw new InvalidOperationException("the host exited before accepting connections");
    }

    /// <summary>CPU time the host has used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
        }
    }

    /// <summary>Resident memory now, in MiB.</summary>
    public double RssMiB => StatusKiB("VmRSS:") / 1024.0;

    /// <summary>Peak resident memory, in MiB.</summary>
    public double PeakRssMiB => StatusKiB("VmHWM:") / 1024.0;

    /// <summary>Stops the host with SIGTERM (graceful) and waits.</summary>
    /// <returns>Completes when it exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start(new ProcessStartInfo("kill", $"-TERM {_process.Id}") { UseShellExecute = false })!;
            await term.WaitForExitAsync();
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        File.Delete(TransitionLogPath);
    }

    /// <summary>Retries a TCP connect until one is accepted (the host sends Hello at once) or the process exits.</summary>
    private static async Task<bool> WaitAcceptingAsync(int port, Process process)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 30);
        while (Stopwatch.GetTimestamp() < deadline && !process.HasExited)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
                var buffer = new byte[1];
                if (await socket.ReceiveAsync(buffer) > 0)
                {
                    return true;
                }
            }
            catch (SocketException)
            {
                await Task.Delay(1);
            }
        }

        return false;
    }

    /// <summary>A /proc/PID/status field in KiB.</summary>
    private long StatusKiB(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}

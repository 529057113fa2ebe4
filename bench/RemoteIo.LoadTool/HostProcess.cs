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

    /// <summary>The highest peak before the last <see cref="ResetPeakRss"/>.</summary>
    private double _peakBeforeResetMiB;

    /// <summary>Creates the wrapper.</summary>
    private HostProcess(Process process, string hostDll, int port, string transitions, TimeSpan startToAccepting, string readyLine)
    {
        _process = process;
        HostDll = hostDll;
        Port = port;
        TransitionLogPath = transitions;
        StartToAccepting = startToAccepting;
        ReadyLine = readyLine;
    }

    /// <summary>The remoteio-host.dll that was started (the built one next to this tool, or a published copy).</summary>
    public string HostDll { get; }

    /// <summary>The TCP port.</summary>
    public int Port { get; }

    /// <summary>The host's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Where the host writes its transition log.</summary>
    public string TransitionLogPath { get; }

    /// <summary>From spawning the process to the first accepted connection.</summary>
    public TimeSpan StartToAccepting { get; }

    /// <summary>The host's own "listening ... ready N ms" log line.</summary>
    public string ReadyLine { get; }

    /// <summary>The built host (IL, compiled by the JIT as it runs): what `dotnet run` users start.</summary>
    public static string BuiltHostDll => Path.Combine(AppContext.BaseDirectory, "remoteio-host.dll");

    /// <summary>
    /// Publishes RemoteIo.Host for this machine's RID (framework-dependent; the project makes a
    /// publish with a RID ReadyToRun) under <c>artifacts/loadtool-host/RID</c> of the repository,
    /// as a deployment would. MSBuild is incremental, so an unchanged host publishes quickly.
    /// </summary>
    /// <returns>The published remoteio-host.dll.</returns>
    /// <exception cref="InvalidOperationException">The repository is not found above this tool, or the publish failed.</exception>
    public static async Task<string> PublishAsync()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "RemoteIo.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"--published: no RemoteIo.sln above {AppContext.BaseDirectory}, so there is no host project to publish");
        }

        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var output = Path.Combine(root.FullName, "artifacts", "loadtool-host", rid);
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", Path.Combine(root.FullName, "RemoteIo.Host", "RemoteIo.Host.csproj"), "-c", "Release", "-r", rid, "--self-contained", "false", "-o", output })
        {
            info.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(info)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"--published: dotnet publish -r {rid} failed (exit {publish.ExitCode}):{Environment.NewLine}{await stdout}{await stderr}");
        }

        return Path.Combine(output, "remoteio-host.dll");
    }

    /// <summary>Spawns the built host and waits until it accepts a TCP connection.</summary>
    /// <param name="port">The port to listen on.</param>
    /// <param name="extra">Extra HOCON overrides.</param>
    /// <returns>The running host.</returns>
    public static Task<HostProcess> StartAsync(int port, params string[] extra) => StartAsync(BuiltHostDll, port, extra);

    /// <summary>Spawns a host and waits until it accepts a TCP connection.</summary>
    /// <param name="hostDll">The remoteio-host.dll to run (<see cref="BuiltHostDll"/> or <see cref="PublishAsync"/>'s).</param>
    /// <param name="port">The port to listen on.</param>
    /// <param name="extra">Extra HOCON overrides.</param>
    /// <returns>The running host.</returns>
    public static Task<HostProcess> StartAsync(string hostDll, int port, params string[] extra) => StartAsync(hostDll, port, [], extra);

    /// <summary>Spawns a host with extra environment variables and waits until it accepts a TCP connection.</summary>
    /// <param name="hostDll">The remoteio-host.dll to run (<see cref="BuiltHostDll"/> or <see cref="PublishAsync"/>'s).</param>
    /// <param name="port">The port to listen on.</param>
    /// <param name="environment">NAME=VALUE pairs set for the host only (runtime knobs such as DOTNET_TieredPGO=0).</param>
    /// <param name="extra">Extra HOCON overrides.</param>
    /// <returns>The running host.</returns>
    public static async Task<HostProcess> StartAsync(string hostDll, int port, IReadOnlyList<string> environment, params string[] extra)
    {
        var transitions = Path.Combine(Path.GetTempPath(), $"remoteio-load-{Environment.ProcessId}-{port}.csv");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(hostDll);
        foreach (var pair in environment)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            info.Environment[pair[..equals]] = pair[(equals + 1)..];
        }

        foreach (var argument in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture), "--gpio", "simulated",
            $"remoteio.gpio.simulation.transition-log-path=\"{transitions}\"",
            // Information, not warning: the host's ready line (start time, JIT-compiled methods) is an
            // information line. The host logs at that level only at start, per session and at shutdown.
            "remoteio.host.log.level=information",
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
        var line = await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(5))) == ready.Task ? ready.Task.Result : "(the host logged no ready line)";
        return accepting ? new HostProcess(process, hostDll, port, transitions, elapsed, line) : throw new InvalidOperationException("the host exited before accepting connections");
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

    /// <summary>Peak resident memory since start or since the last <see cref="ResetPeakRss"/>, in MiB.</summary>
    public double PeakRssMiB => StatusKiB("VmHWM:") / 1024.0;

    /// <summary>Peak resident memory since start, across <see cref="ResetPeakRss"/>, in MiB.</summary>
    public double LifetimePeakRssMiB => Math.Max(_peakBeforeResetMiB, PeakRssMiB);

    /// <summary>Starts a new <see cref="PeakRssMiB"/>: the kernel sets VmHWM to the current RSS (clear_refs 5).</summary>
    public void ResetPeakRss()
    {
        _peakBeforeResetMiB = LifetimePeakRssMiB;
        File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
    }

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

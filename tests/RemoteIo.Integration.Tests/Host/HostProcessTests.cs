using System.Text.RegularExpressions;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Host;

/// <summary>remoteio-host and remoteio as real processes: start, serve the CLI, write the log on SIGUSR1, stop on SIGTERM.</summary>
public sealed partial class HostProcessTests
{
    [Fact]
    public async Task HostProcess_ServesTheCliProcess_WritesTheLogOnSigusr1_AndStopsGracefullyOnSigterm()
    {
        var directory = Directory.CreateTempSubdirectory("remoteio-process-");
        var log = Path.Combine(directory.FullName, "transitions.csv");
        using var host = ChildProcess.Start("remoteio-host", "--port", "0", "--gpio", "simulated", $"remoteio.gpio.simulation.transition-log-path=\"{log}\"");
        var listening = await host.WaitForLineAsync("listening on tcp://");
        var port = Port().Match(listening).Groups[1].Value;
        Assert.Contains("loopback only", host.Output, StringComparison.Ordinal);
        Assert.Contains("pins are simulated", host.Output, StringComparison.Ordinal);

        using (var cli = ChildProcess.Start("remoteio", "--server", $"127.0.0.1:{port}", "pin", "7", "--board", "on", "--for", "100ms"))
        {
            Assert.Equal(0, await cli.WaitForExitAsync());
            Assert.Contains("GPIO 4 (board 7): on for 100 ms completed", cli.Output, StringComparison.Ordinal);
        }

        host.Signal("USR1");
        await host.WaitForLineAsync("Transition log written (SIGUSR1)");
        Assert.Contains(File.ReadAllLines(log), row => row.EndsWith(",4,1", StringComparison.Ordinal));

        host.Signal("TERM");
        Assert.Equal(0, await host.WaitForExitAsync());
        Assert.Contains("Coordinated shutdown of remoteio started", host.Output, StringComparison.Ordinal);
        Assert.Contains("Transition log written (shutdown)", host.Output, StringComparison.Ordinal);
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task HostProcess_EveryInterfaceWithoutSecret_RefusesToStartWithAClearMessage()
    {
        using var host = ChildProcess.Start("remoteio-host", "--port", "0", "--gpio", "simulated", "--bind", "0.0.0.0");

        Assert.Equal(1, await host.WaitForExitAsync());
        Assert.Contains("remoteio-host: could not start: refusing to listen without authentication", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostProcess_BadSetting_ExitsWithTheKeyNamed()
    {
        using var host = ChildProcess.Start("remoteio-host", "remoteio.gpio.driver=magic");

        Assert.Equal(1, await host.WaitForExitAsync());
        Assert.Contains("remoteio-host: remoteio.gpio.driver = \"magic\"", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_WhileAPinIsHighLongerThanTheCommandLineGrace_ExitsZero_PinEndsLow()
    {
        // A drain longer than System.CommandLine's default 2 s termination grace: the host, not the
        // command-line parser, decides when the process ends.
        var directory = Directory.CreateTempSubdirectory("remoteio-sigterm-");
        var log = Path.Combine(directory.FullName, "transitions.csv");
        using var host = ChildProcess.Start("remoteio-host", "--port", "0", "--gpio", "simulated",
            "remoteio.pins.drain-timeout=3s", $"remoteio.gpio.simulation.transition-log-path=\"{log}\"");
        var port = Port().Match(await host.WaitForLineAsync("listening on tcp://")).Groups[1].Value;
        using (var cli = ChildProcess.Start("remoteio", "--server", $"127.0.0.1:{port}", "pin", "17", "on", "--for", "300s", "--no-wait"))
        {
            Assert.Equal(0, await cli.WaitForExitAsync());
        }

        host.Signal("TERM");

        Assert.Equal(0, await host.WaitForExitAsync());
        var rows = File.ReadAllLines(log).Where(row => row.Contains(",17,", StringComparison.Ordinal)).ToList();
        Assert.Equal([",17,1", ",17,0"], rows.TakeLast(2).Select(row => row[row.IndexOf(',', StringComparison.Ordinal)..]));
        directory.Delete(recursive: true);
    }

    [GeneratedRegex(@"tcp://127\.0\.0\.1:(\d+)")]
    private static partial Regex Port();
}

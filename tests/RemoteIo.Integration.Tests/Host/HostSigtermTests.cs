using System.Text.RegularExpressions;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Host;

/// <summary>SIGTERM while a pin is still busy: the host process must finish its shutdown (drain, safe level), however long the drain takes.</summary>
[Collection(ProcessTestsCollection.Name)]
public sealed partial class HostSigtermTests
{
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

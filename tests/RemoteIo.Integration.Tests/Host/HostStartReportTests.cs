using System.Diagnostics;
using System.Text.RegularExpressions;
using RemoteIo.Host;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Host;

/// <summary>What the host says about its own start: time since the process started (from /proc) and the JIT's share.</summary>
public sealed partial class HostStartReportTests
{
    [Fact]
    public void SinceProcessStart_OnLinux_AgreesWithProcessStartTime()
    {
        Assert.True(OperatingSystem.IsLinux(), "this test reads /proc: run it on Linux");

        var fromProc = HostStartClock.SinceProcessStart;
        using var process = Process.GetCurrentProcess();
        var fromProcess = DateTime.Now - process.StartTime;

        Assert.NotNull(fromProc);
        // Both come from /proc/self/stat's start time (10 ms ticks); only the clock they subtract from differs.
        Assert.InRange(fromProc.Value.TotalMilliseconds, fromProcess.TotalMilliseconds - 250, fromProcess.TotalMilliseconds + 250);
    }

    [Fact]
    public async Task HostProcess_ReadyLine_SaysTimeSinceProcessStartAndJitCompiledMethods()
    {
        using var host = ChildProcess.Start("remoteio-host", "--port", "0", "--gpio", "simulated");

        var listening = await host.WaitForLineAsync("listening on tcp://");

        var ready = ReadyLine().Match(listening);
        Assert.True(ready.Success, $"no ready report in: {listening}");
        Assert.True(int.Parse(ready.Groups["process"].Value, System.Globalization.CultureInfo.InvariantCulture) >= int.Parse(ready.Groups["ready"].Value, System.Globalization.CultureInfo.InvariantCulture), "the process started before the host began starting");
        Assert.True(int.Parse(ready.Groups["methods"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, "a .NET process JIT-compiles at least its entry path");
        host.Signal("TERM");
        Assert.Equal(0, await host.WaitForExitAsync());
    }

    [GeneratedRegex(@"ready (?<ready>\d+) ms after start-up began \((?<process>\d+) ms after the process started\); (?<methods>\d+) methods JIT-compiled in \d+ ms")]
    private static partial Regex ReadyLine();
}

using RemoteIo.Actors.Gpio;
using RemoteIo.Cli;
using RemoteIo.ClientNode;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Cli;

/// <summary>The remoteio command line against an in-process host: what it prints and the exit codes scripts rely on.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task PinOnNoWait_ThenStates_ShowsThePinOwnedAndHighWhileTheImpulseRuns()
    {
        await using var host = await TestHost.StartAsync();
        var server = $"127.0.0.1:{host.Tcp.Port}";

        var (code, output, _) = await RunAsync("--server", server, "--name", "script", "pin", "7", "--board", "on", "--for", "3s", "--no-wait");
        Assert.Equal(CliExitCodes.Ok, code);
        Assert.Equal("GPIO 4 (board 7): on for 3000 ms accepted", output.Trim());

        var (statesCode, table, _) = await RunAsync("-s", server, "states");
        Assert.Equal(CliExitCodes.Ok, statesCode);
        var row = table.Split('\n').Single(l => l.Contains("│ 4 ", StringComparison.Ordinal));
        Assert.Contains("'script'", row, StringComparison.Ordinal);
        Assert.Contains("high", row, StringComparison.Ordinal);
        Assert.Contains("│ on ", row, StringComparison.Ordinal);
        Assert.Equal(PinValue.High, host.Chip.GetLevel(4));

        var (jsonCode, json, _) = await RunAsync("-s", server, "states", "--json");
        Assert.Equal(CliExitCodes.Ok, jsonCode);
        Assert.Contains("\"gpio\": 4", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PinOnFor_WaitsForTheImpulse_ThenTheSessionClosesAndThePinIsFree()
    {
        await using var host = await TestHost.StartAsync();

        var (code, output, _) = await RunAsync("-s", $"127.0.0.1:{host.Tcp.Port}", "pin", "17", "on", "--for", "50ms");

        Assert.Equal(CliExitCodes.Ok, code);
        Assert.Equal(["GPIO 17 (board 11): on for 50 ms accepted", "GPIO 17 (board 11): on for 50 ms completed"], output.Trim().Split('\n').Select(l => l.Trim()));
        Assert.Equal([PinValue.High, PinValue.Low], host.Chip.Transitions(17).SkipWhile(t => t.Level == PinValue.Low).Select(t => t.Level));
        await using var other = await host.ConnectAsync();
        Assert.Equal(17, (await other.PinAsync(17)).Gpio);
    }

    [Fact]
    public async Task ExitCodes_BusyRejectedUsageUnreachableAuthentication_AreDistinctAndSayWhy()
    {
        var secret = Path.GetTempFileName();
        await File.WriteAllTextAsync(secret, "s3cret-for-the-cli");
        await using var host = await TestHost.StartAsync($"remoteio.remote.secret-file = \"{secret}\"", "remoteio.host.bind = 127.0.0.1");
        var server = $"127.0.0.1:{host.Tcp.Port}";
        await using var owner = await host.ConnectAsync(RemoteServerOptions.Default.WithSecretFile(secret).WithClientName("owner"));
        await owner.PinAsync(17);

        var busy = await RunAsync("-s", server, "--secret-file", secret, "pin", "17", "on");
        var power = await RunAsync("-s", server, "--secret-file", secret, "pin", "1", "--board", "on");
        var usage = await RunAsync("-s", server, "pin", "17", "on", "--for", "soon");
        var auth = await RunAsync("-s", server, "pin", "17", "on");

        Assert.Equal((CliExitCodes.PinBusy, true), (busy.Code, busy.Error.Contains("GPIO 17 (board 11) is busy", StringComparison.Ordinal)));
        Assert.Equal((CliExitCodes.Rejected, true), (power.Code, power.Error.Contains("board pin 1 is 3.3V power, not a GPIO", StringComparison.Ordinal)));
        Assert.Equal((CliExitCodes.Usage, true), (usage.Code, usage.Error.Contains("'soon' is not a duration", StringComparison.Ordinal)));
        Assert.Equal((CliExitCodes.AuthenticationFailed, true), (auth.Code, auth.Error.StartsWith("remoteio: authentication failed", StringComparison.Ordinal)));
        File.Delete(secret);
    }

    [Fact]
    public async Task ExitCode_NothingListening_IsCannotConnect()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var (code, _, error) = await RunAsync("-s", $"127.0.0.1:{port}", "states");

        Assert.Equal(CliExitCodes.CannotConnect, code);
        Assert.StartsWith("remoteio: cannot connect", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchPin_PrintsEachEdgeAsACsvLine_AndStopsAfterCount()
    {
        await using var host = await TestHost.StartAsync();
        await using var driver = await host.ConnectAsync();
        var pin = await driver.PinAsync(17);

        var watching = RunAsync("-s", $"127.0.0.1:{host.Tcp.Port}", "watch", "17", "--count", "4", "--duration", "20s");
        await Eventually.HoldsAsync(async () => (await driver.GetPinStatesAsync()).Pins.Any(p => p.Gpio == 17 && p.Observers == 1), "the watch observes GPIO 17");
        for (var i = 0; i < 2; i++)
        {
            await pin.On(TimeSpan.FromMilliseconds(5)).Completion;
        }

        var (code, output, _) = await watching;
        Assert.Equal(CliExitCodes.Ok, code);
        var rows = output.Trim().Split('\n').Where(l => !l.StartsWith('#')).Select(l => l.Trim().Split(',')).ToList();
        Assert.Equal(["1", "0", "1", "0"], rows.Select(r => r[2]));
        Assert.All(rows, r => Assert.Equal("17", r[1]));
        Assert.Equal(rows.Select(r => ulong.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)).Order(), rows.Select(r => ulong.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task WatchPin_CountNotReachedWithinTheDuration_EndsWithTheTimeoutCode()
    {
        await using var host = await TestHost.StartAsync();

        // No edge ever comes: only --duration can end it (a watch that outlived it hung the suite).
        var (code, output, _) = await RunAsync("-s", $"127.0.0.1:{host.Tcp.Port}", "watch", "17", "--count", "4", "--duration", "300ms").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(CliExitCodes.Timeout, code);
        Assert.StartsWith("# GPIO 17: level 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DumpTransitions_WritesTheHostsLog_AndPrintsItsPath()
    {
        await using var host = await TestHost.StartAsync();
        await RunAsync("-s", $"127.0.0.1:{host.Tcp.Port}", "pin", "17", "on", "--for", "5ms");

        var (code, output, error) = await RunAsync("-s", $"127.0.0.1:{host.Tcp.Port}", "dump-transitions");

        Assert.Equal(CliExitCodes.Ok, code);
        Assert.Equal(host.TransitionLogPath, output.Trim());
        var rows = await File.ReadAllLinesAsync(host.TransitionLogPath);
        Assert.Equal("timestamp_ns,line,level", rows[0]);
        Assert.Contains(rows, r => r.EndsWith(",17,1", StringComparison.Ordinal));
        Assert.Contains("transitions written", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

using RemoteIo.Cli;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Cli;

/// <summary>remoteio watch: --duration ends a watch that has not seen its --count.</summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class CliWatchDurationTests
{
    [Fact]
    public async Task WatchPin_CountNotReachedWithinTheDuration_EndsWithTheTimeoutCode()
    {
        await using var host = await TestHost.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        // No edge ever comes: only --duration can end it (a watch that outlived it hung the suite).
        var watching = CliApplication.RunAsync(["-s", $"127.0.0.1:{host.Tcp.Port}", "watch", "17", "--count", "4", "--duration", "300ms"], output, error);
        var code = await watching.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(CliExitCodes.Timeout, code);
        Assert.StartsWith("# GPIO 17: level 0", output.ToString(), StringComparison.Ordinal);
    }
}

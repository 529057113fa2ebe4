using System.CommandLine;
using Microsoft.Extensions.Hosting;
using RemoteIo.Actors.Configuration;

namespace RemoteIo.Host;

/// <summary>The executable's entry point: command line, start, run until stopped, exit code.</summary>
public static class HostProgram
{
    /// <summary>Exit code: stopped normally (SIGTERM, Ctrl-C).</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code: the host could not start (configuration, GPIO, bind, secret); the reason is on standard error.</summary>
    public const int ExitStartFailed = 1;

    /// <summary>Exit code: the command line is invalid (System.CommandLine's usage error code).</summary>
    public const int ExitUsage = 1;

    /// <summary>Parses <paramref name="args"/> and runs the host.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args)
    {
        var root = HostCommandLine.Create(RunHostAsync);

        // No process-termination timeout: System.CommandLine's default ends the process 2 s after
        // SIGTERM, in the middle of a drain, with pins never put at their safe level. The Generic
        // Host handles SIGTERM itself and bounds the shutdown with remoteio.pins.drain-timeout.
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }

    /// <summary>Builds, starts and runs the host; start-up errors become one line on standard error.</summary>
    /// <param name="options">The launch options.</param>
    /// <param name="cancellationToken">Ignored: the host handles SIGTERM and Ctrl-C itself.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunHostAsync(HostLaunchOptions options, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = RemoteIoHost.Build(options);
        }
        catch (Exception e) when (e is ConfigurationException or IOException or ArgumentException or UnauthorizedAccessException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"remoteio-host: {e.Message}");
            return ExitStartFailed;
        }

        using (host)
        {
            try
            {
                await host.StartAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                await Console.Error.WriteLineAsync($"remoteio-host: could not start: {Innermost(e).Message}");
                return ExitStartFailed;
            }

            await host.WaitForShutdownAsync(CancellationToken.None);
            return ExitOk;
        }
    }

    /// <summary>The most specific message of a start-up failure (hosting wraps the cause).</summary>
    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null && e is InvalidOperationException or AggregateException)
        {
            e = e.InnerException;
        }

        return e;
    }
}

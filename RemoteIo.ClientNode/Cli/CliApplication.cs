using System.CommandLine;
using System.Net.Sockets;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Remote;
using RemoteIo.Actors.Remote.Transports;
using RemoteIo.ClientNode;

namespace RemoteIo.Cli;

/// <summary>
/// The <c>remoteio</c> command-line client: <c>pin</c>, <c>states</c>, <c>watch</c>,
/// <c>dump-transitions</c>. Every failure is one line on standard error starting with
/// <c>remoteio:</c> and a documented exit code (<see cref="CliExitCodes"/>, docs/cli.md).
/// </summary>
public static class CliApplication
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var global = new CliGlobalOptions();
        var context = new CliContext(output, error, global);
        var root = new RootCommand("remoteio: drive the pins of a RemoteIo host.")
        {
            PinCommands.Create(context),
            StatesCommand.Create(context),
            WatchCommand.Create(context),
            DumpTransitionsCommand.Create(context),
        };
        global.AddTo(root);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"remoteio: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("remoteio: see remoteio --help").ConfigureAwait(false);
            return CliExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var (code, message) = Describe(e, cancellationToken);
            await error.WriteLineAsync($"remoteio: {message}").ConfigureAwait(false);
            return code;
        }
    }

    /// <summary>The exit code and the one-line message of a failure.</summary>
    /// <param name="e">The failure.</param>
    /// <param name="cancellationToken">Ctrl-C, to tell an interruption from a timeout.</param>
    /// <returns>Code and message.</returns>
    internal static (int Code, string Message) Describe(Exception e, CancellationToken cancellationToken) => e switch
    {
        AuthenticationException => (CliExitCodes.AuthenticationFailed, $"authentication failed: {e.Message}"),
        PinBusyException => (CliExitCodes.PinBusy, e.Message),
        RequestRejectedException => (CliExitCodes.Rejected, e.Message),
        ConnectionLostException => (CliExitCodes.ConnectionLost, e.Message),
        TimeoutException => (CliExitCodes.Timeout, e.Message),
        TransportException or SocketException or AssociationRefusedException => (CliExitCodes.CannotConnect, $"cannot connect: {e.Message}"),
        OperationCanceledException when cancellationToken.IsCancellationRequested => (CliExitCodes.Interrupted, "interrupted"),
        ConfigurationException or ArgumentException => (CliExitCodes.Usage, e.Message),
        IOException or UnauthorizedAccessException => (CliExitCodes.Failed, e.Message),
        _ => (CliExitCodes.Failed, $"{e.GetType().Name}: {e.Message}"),
    };
}

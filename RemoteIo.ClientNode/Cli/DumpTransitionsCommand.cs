using System.CommandLine;

namespace RemoteIo.Cli;

/// <summary><c>remoteio dump-transitions</c>: the host writes its simulated transition log to its configured file.</summary>
internal static class DumpTransitionsCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="context">The CLI context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var command = new Command("dump-transitions", "Ask the host (simulated GPIO) to write its transition log (timestamp_ns,line,level) to its configured file; prints the path.");
        command.SetAction((r, ct) => context.WithServerAsync(r, async server =>
        {
            var dumped = await server.DumpTransitionsAsync(ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync(dumped.Path).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"{dumped.Rows} transitions written{(dumped.Dropped > 0 ? $"; {dumped.Dropped} older ones were no longer in the host's buffer" : string.Empty)}").ConfigureAwait(false);
            return CliExitCodes.Ok;
        }, ct));
        return command;
    }
}

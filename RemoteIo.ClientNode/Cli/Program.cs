using RemoteIo.Cli;

// remoteio: the command-line client. Ctrl-C cancels the running command; the session is closed.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};
return await CliApplication.RunAsync(args, Console.Out, Console.Error, interrupted.Token);

using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RemoteIo.Host.Gpio;

/// <summary>
/// Writes the simulated transition log when the process receives SIGUSR1
/// (<c>kill -USR1 $(pidof remoteio-host)</c>), without stopping the host.
/// </summary>
/// <param name="writer">The transition log writer.</param>
/// <param name="log">Where to log.</param>
internal sealed class TransitionLogSignalService(TransitionLogWriter writer, ILogger<TransitionLogSignalService> log) : IHostedService, IDisposable
{
    /// <summary>SIGUSR1 on Linux (PosixSignal has no name for it; raw numbers are accepted on Unix).</summary>
    private const int SigUsr1 = 10;

    /// <summary>The registration, while running.</summary>
    private PosixSignalRegistration? _registration;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsLinux() && writer.UnavailableReason is null)
        {
            _registration = PosixSignalRegistration.Create((PosixSignal)SigUsr1, context =>
            {
                context.Cancel = true; // the default action of SIGUSR1 would end the process
                _ = Task.Run(() => writer.TryWrite("SIGUSR1"), CancellationToken.None);
            });
            HostLog.TransitionLogConfigured(log, writer.Path!);
        }
        else if (writer.Chip is not null)
        {
            HostLog.TransitionLogUnavailable(log, writer.UnavailableReason!);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _registration?.Dispose();
        _registration = null;
    }
}

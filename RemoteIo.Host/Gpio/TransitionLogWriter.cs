using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Simulation;

namespace RemoteIo.Host.Gpio;

/// <summary>
/// Writes the simulated chip's transition log (<c>timestamp_ns,line,level</c> rows) to the file
/// configured in <c>remoteio.gpio.simulation.transition-log-path</c>: on SIGUSR1, on a client's
/// request (<c>remoteio dump-transitions</c>) and at shutdown. The file is replaced atomically
/// (written beside it, then renamed), so a reader never sees half a log.
/// </summary>
public sealed class TransitionLogWriter
{
    /// <summary>Serialises writes (a signal and a request may arrive together).</summary>
    private readonly Lock _gate = new();

    /// <summary>The host's driver.</summary>
    private readonly GpioDriver _driver;

    /// <summary>Logs each write.</summary>
    private readonly ILogger<TransitionLogWriter> _log;

    /// <summary>Creates the writer.</summary>
    /// <param name="driver">The host's GPIO driver.</param>
    /// <param name="options">The GPIO options (the file path).</param>
    /// <param name="log">Where to log.</param>
    public TransitionLogWriter(GpioDriver driver, GpioOptions options, ILogger<TransitionLogWriter> log)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(options);
        _driver = driver;
        _log = log;
        Path = string.IsNullOrWhiteSpace(options.Simulation.TransitionLogPath) ? null : System.IO.Path.GetFullPath(options.Simulation.TransitionLogPath);
    }

    /// <summary>The file written (absolute), or null when none is configured.</summary>
    public string? Path { get; }

    /// <summary>The simulated chip, or null when the host drives real hardware.</summary>
    public SimulatedGpioChip? Chip => (_driver as SimulatedGpioDriver)?.Chip;

    /// <summary>Why no log can be written, or null when it can.</summary>
    public string? UnavailableReason =>
        Chip is null ? $"the host drives real GPIO ({_driver.Description}); only the simulated driver keeps a transition log"
        : Path is null ? "no file is configured: set remoteio.gpio.simulation.transition-log-path"
        : null;

    /// <summary>Writes the log now.</summary>
    /// <param name="reason">Why (for the log line), e.g. "SIGUSR1".</param>
    /// <returns>What was written.</returns>
    /// <exception cref="InvalidOperationException">Not the simulated driver, or no file configured (the message says which).</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public TransitionDump Write(string reason)
    {
        if (UnavailableReason is { } why)
        {
            throw new InvalidOperationException($"cannot write the transition log: {why}");
        }

        var chip = Chip!;
        var path = Path!;
        lock (_gate)
        {
            if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            var temporary = path + ".tmp";
            int rows;
            using (var writer = new StreamWriter(temporary, append: false))
            {
                rows = chip.WriteTransitions(writer);
            }

            File.Move(temporary, path, overwrite: true);
            var dump = new TransitionDump(path, rows, chip.DroppedTransitionCount);
            HostLog.TransitionLogWritten(_log, reason, dump.Rows, dump.Path, dump.Dropped > 0 ? $" ({dump.Dropped} older ones were overwritten in the ring buffer)" : string.Empty);
            return dump;
        }
    }

    /// <summary>Writes the log if it can, logging instead of throwing (for the signal and shutdown paths).</summary>
    /// <param name="reason">Why.</param>
    /// <returns>What was written, or null.</returns>
    public TransitionDump? TryWrite(string reason)
    {
        if (UnavailableReason is not null)
        {
            return null;
        }

        try
        {
            return Write(reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            HostLog.TransitionLogFailed(_log, e, Path, e.Message);
            return null;
        }
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// One open notification handle: its GPIO and event masks, its sequence counter, and the queue of
/// reports its pump sends to the connection that opened it. Mutated only under the notifier's lock.
/// </summary>
internal sealed class PigpioNotifyHandle
{
    /// <summary>Reports sent per write, so a burst leaves in few sends.</summary>
    private const int ReportsPerWrite = 64;

    /// <summary>Reports waiting for the pump; bounded so a reader that stops reading cannot exhaust memory.</summary>
    private readonly Channel<PigpioReport> _queue;

    /// <summary>Where the reports go.</summary>
    private readonly IPigpioReportSink _sink;

    /// <summary>The next report's sequence number (wraps at 65536 like pigpio's).</summary>
    private ushort _sequence;

    /// <summary>Reports dropped because the queue was full.</summary>
    private long _dropped;

    /// <summary>The task sending the queue, once started.</summary>
    private Task? _pump;

    /// <summary>Opens handle <paramref name="number"/> sending to <paramref name="sink"/>.</summary>
    public PigpioNotifyHandle(int number, IPigpioReportSink sink, int capacity, long now)
    {
        Number = number;
        _sink = sink;
        LastReportTimestamp = now;
        _queue = Channel.CreateBounded<PigpioReport>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
    }

    /// <summary>The handle number clients use (0-31).</summary>
    public int Number { get; }

    /// <summary>Whether level changes are reported.</summary>
    public PigpioNotifyState State { get; set; }

    /// <summary>GPIOs whose changes and watchdogs are reported (bit n = GPIO n).</summary>
    public uint Bits { get; set; }

    /// <summary>Events reported (bit n = event n).</summary>
    public uint EventBits { get; set; }

    /// <summary>When the last report was emitted (TimeProvider timestamp), for keep-alives.</summary>
    public long LastReportTimestamp { get; private set; }

    /// <summary>The keep-alive timer.</summary>
    public ITimer? AliveTimer { get; set; }

    /// <summary>Reports dropped so far for a slow reader.</summary>
    public long Dropped => _dropped;

    /// <summary>True when <paramref name="sink"/> is this handle's connection.</summary>
    public bool SendsTo(IPigpioReportSink sink) => ReferenceEquals(_sink, sink);

    /// <summary>Queues a report with the next sequence number; drops it (the sequence still advances) when the queue is full.</summary>
    /// <returns>False when the report was dropped.</returns>
    public bool Emit(ushort flags, uint tick, uint levels, long now)
    {
        LastReportTimestamp = now;
        var report = new PigpioReport(_sequence++, flags, tick, levels);
        if (_queue.Writer.TryWrite(report))
        {
            return true;
        }

        _dropped++;
        return false;
    }

    /// <summary>The task sending the queue; completed when it never started.</summary>
    public Task Pump => _pump ?? Task.CompletedTask;

    /// <summary>Starts sending the queue (after the NOIB reply has gone, so no report precedes it).</summary>
    public void StartPump(ILogger logger) => _pump ??= PumpAsync(logger);

    /// <summary>Stops the handle: the pump sends what is queued and ends; the keep-alive timer stops.</summary>
    public void Complete()
    {
        _queue.Writer.TryComplete();
        AliveTimer?.Dispose();
    }

    /// <summary>Sends queued reports in batches until the handle completes or the connection fails.</summary>
    private async Task PumpAsync(ILogger logger)
    {
        var buffer = new byte[ReportsPerWrite * PigpioWire.ReportSize];
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                var count = 0;
                while (count < ReportsPerWrite && reader.TryRead(out var report))
                {
                    PigpioWire.WriteReport(buffer.AsSpan(count * PigpioWire.ReportSize), report);
                    count++;
                }

                await _sink.WriteAsync(buffer.AsMemory(0, count * PigpioWire.ReportSize), CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            // The connection went away; the connection's close removes the handle.
            logger.NotifyPumpStopped(ex, Number);
        }
    }
}

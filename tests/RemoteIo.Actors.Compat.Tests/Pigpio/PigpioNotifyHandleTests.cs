using Microsoft.Extensions.Logging.Abstractions;
using RemoteIo.Actors.Compat.Pigpio;

namespace RemoteIo.Actors.Compat.Tests.Pigpio;

/// <summary>A handle's queue: bounded for a slow reader, with the loss visible as a sequence gap.</summary>
public sealed class PigpioNotifyHandleTests
{
    [Fact]
    public async Task Emit_QueueFull_DropsReportButSequenceAdvancesSoTheGapShows()
    {
        var sink = new RecordingSink();
        var handle = new PigpioNotifyHandle(0, sink, capacity: 2, now: 0);

        Assert.True(handle.Emit(0, 1, 0, 0));
        Assert.True(handle.Emit(0, 2, 0, 0));
        Assert.False(handle.Emit(0, 3, 0, 0));
        handle.StartPump(NullLogger.Instance);
        await sink.Received(2).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(handle.Emit(0, 4, 0, 0));
        handle.Complete();
        await handle.Pump.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([(0, 1u), (1, 2u), (3, 4u)], sink.Reports.Select(r => ((int)r.Sequence, r.Tick)));
        Assert.Equal(1, handle.Dropped);
    }

    private sealed class RecordingSink : IPigpioReportSink
    {
        private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

        public List<PigpioReport> Reports { get; } = [];

        public Task Received(int count)
        {
            lock (Reports)
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (Reports.Count >= count)
                {
                    done.SetResult();
                }
                else
                {
                    _waiters.Add((count, done));
                }

                return done.Task;
            }
        }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> reports, CancellationToken cancellationToken)
        {
            lock (Reports)
            {
                for (var offset = 0; offset < reports.Length; offset += PigpioWire.ReportSize)
                {
                    Reports.Add(PigpioWire.ReadReport(reports.Span[offset..]));
                }

                foreach (var (count, done) in _waiters.Where(w => Reports.Count >= w.Count))
                {
                    done.TrySetResult();
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}

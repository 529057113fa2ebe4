using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// The edge scheduler's one listener: routes each ended waveform to its line's pin actor. When a
/// pin actor itself starts or cancels a waveform, the endings that call causes are handed back to
/// it synchronously through a <see cref="WaveformCapture"/> instead of its mailbox, so it settles
/// them (an interrupted command's outcome, say) within the same turn, before it answers the new one.
/// </summary>
internal sealed class WaveformRouter : IWaveformListener
{
    /// <summary>The capture of the pin actor running on this thread, if it is inside a scheduler call.</summary>
    [ThreadStatic]
    private static WaveformCapture? _capture;

    /// <summary>Per line, the pin actor that receives its endings.</summary>
    private readonly IActorRef?[] _actors;

    /// <summary>Creates a router for a chip of <paramref name="lineCount"/> lines.</summary>
    /// <param name="lineCount">Lines on the chip.</param>
    public WaveformRouter(int lineCount) => _actors = new IActorRef?[lineCount];

    /// <summary>Routes the line's endings to <paramref name="actor"/>.</summary>
    /// <param name="line">The line.</param>
    /// <param name="actor">Its pin actor.</param>
    public void Attach(int line, IActorRef actor) => Volatile.Write(ref _actors[line], actor);

    /// <summary>Stops routing the line to <paramref name="actor"/> (a successor may already have attached).</summary>
    /// <param name="line">The line.</param>
    /// <param name="actor">The stopping pin actor.</param>
    public void Detach(int line, IActorRef actor) => Interlocked.CompareExchange(ref _actors[line], null, actor);

    /// <summary>Starts capturing the endings of <paramref name="capture"/>'s line on this thread until the scope is disposed.</summary>
    /// <param name="capture">The pin actor's capture buffer.</param>
    /// <returns>The scope.</returns>
    public static CaptureScope Capture(WaveformCapture capture)
    {
        capture.Items.Clear();
        _capture = capture;
        return default;
    }

    /// <inheritdoc />
    public void OnWaveformEnded(int line, long token, long endNanoseconds, WaveformEndReason reason)
    {
        var capture = _capture;
        if (capture is not null && capture.Line == line)
        {
            capture.Items.Add(new WaveformEnding(token, endNanoseconds, reason));
            return;
        }

        Volatile.Read(ref _actors[line])?.Tell(new WaveformEnded(token, endNanoseconds, reason), ActorRefs.NoSender);
    }

    /// <summary>Ends a capture (<c>using var _ = WaveformRouter.Capture(...)</c>).</summary>
    internal readonly ref struct CaptureScope
    {
        /// <summary>Stops capturing on this thread.</summary>
#pragma warning disable CA1822 // A using-disposable ref struct needs an instance Dispose.
        public void Dispose() => _capture = null;
#pragma warning restore CA1822
    }
}

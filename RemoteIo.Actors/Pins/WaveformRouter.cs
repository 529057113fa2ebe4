using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// The edge scheduler's one listener: routes each ended waveform to its line's pin actor's
/// mailbox. Every ending goes through the mailbox — also those a pin actor's own scheduler call
/// causes — so the actor handles them one at a time, after the turn that caused them, in one
/// uniform way whether the timing thread or the actor itself ended the waveform.
/// </summary>
internal sealed class WaveformRouter : IWaveformListener
{
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

    /// <inheritdoc />
    public void OnWaveformEnded(int line, long token, long endNanoseconds, WaveformEndReason reason) =>
        Volatile.Read(ref _actors[line])?.Tell(new WaveformEnded(token, endNanoseconds, reason), ActorRefs.NoSender);
}

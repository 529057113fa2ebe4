namespace RemoteIo.Actors.Gpio;

/// <summary>
/// Receives edge events of the lines it is registered for. An interface instead of a delegate
/// event so delivery allocates nothing: the listener is created once and called per edge.
/// </summary>
/// <remarks>
/// Called on the driver's thread (the event reader of the character-device driver, or the thread
/// whose write or clock tick caused the change in the simulation). Keep it short and never block:
/// hand the event on (to an actor's mailbox, a channel) and return.
/// </remarks>
public interface IGpioEdgeListener
{
    /// <summary>Called once per edge, in sequence order for a given line.</summary>
    /// <param name="edge">The event.</param>
    void OnEdge(in GpioEdgeEvent edge);
}

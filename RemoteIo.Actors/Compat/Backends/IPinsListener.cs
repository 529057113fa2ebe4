namespace RemoteIo.Actors.Compat.Backends;

/// <summary>Receives what the pin domain sends a <see cref="PinsClient"/> that answers no request: edges, observation starts, notices, late outcomes.</summary>
internal interface IPinsListener
{
    /// <summary>A message arrived. Called on the sending actor's thread: must be quick and must not block.</summary>
    /// <param name="message">A pins.proto message (PinEdge, ObserveStarted, RequestRejected of a fire-and-forget request, PinNotice, CommandOutcome, ...).</param>
    void OnMessage(object message);
}

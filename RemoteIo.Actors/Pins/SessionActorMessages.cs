namespace RemoteIo.Actors.Pins;

/// <summary>The client asked to close its session (supervisor → session); the sender gets SessionClosed.</summary>
/// <param name="RequestId">The CloseSession's id.</param>
internal sealed record CloseRequested(ulong RequestId);

/// <summary>The session begins its soft close (session → supervisor, which drains its pins in order after everything the client sent).</summary>
/// <param name="SessionId">The session.</param>
internal sealed record BeginSessionDrain(string SessionId);

/// <summary>The pins the closing session waits for (supervisor → session).</summary>
/// <param name="Gpios">The pins being drained.</param>
internal sealed record DrainStarted(IReadOnlyCollection<int> Gpios);

/// <summary>Every pin of the session is released; the session has answered and stops (session → supervisor).</summary>
/// <param name="SessionId">The session.</param>
internal sealed record SessionFinished(string SessionId);

namespace RemoteIo.Actors.Kernel;

/// <summary>An actor behaviour: handles one message and says whether it did.</summary>
/// <param name="message">The message.</param>
/// <returns>True when handled; false makes the kernel call <c>Unhandled</c>.</returns>
public delegate bool Receive(object message);

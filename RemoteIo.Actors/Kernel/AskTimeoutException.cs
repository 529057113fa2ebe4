namespace RemoteIo.Actors.Kernel;

/// <summary>Faults an <c>Ask</c> that got no reply in time; the message names the target, the message type and the timeout.</summary>
/// <param name="message">What went wrong, naming the actor or path concerned.</param>
/// <param name="innerException">The underlying cause, if any.</param>
public class AskTimeoutException(string message, Exception? innerException = null) : Exception(message, innerException);

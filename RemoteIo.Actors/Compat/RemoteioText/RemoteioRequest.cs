namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>
/// One request of remoteio's text protocol: the six tokens <c>numbering pin command time_ms arg1
/// arg2</c>, parsed and range-checked.
/// </summary>
/// <param name="Pin">The pin.</param>
/// <param name="Command">The command.</param>
/// <param name="Duration">time_ms: how long the command lasts; zero means until the next command.</param>
/// <param name="Arg1">blink: on time (s); pulse: fade-in time (s); value: the level 0-1; ignored otherwise.</param>
/// <param name="Arg2">blink: off time (s); pulse: fade-out time (s); ignored otherwise.</param>
public readonly record struct RemoteioRequest(RemoteioPin Pin, RemoteioCommand Command, TimeSpan Duration, double Arg1, double Arg2);

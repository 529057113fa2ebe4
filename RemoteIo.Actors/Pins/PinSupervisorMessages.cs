namespace RemoteIo.Actors.Pins;

/// <summary>Shutdown step 1: refuse new sessions, claims and commands (SHUTTING_DOWN). Answered with <see cref="ShutdownStepDone"/>.</summary>
internal sealed record StopAccepting;

/// <summary>Shutdown step 2 (drain): soft-close every session; answered with <see cref="ShutdownStepDone"/> once every pin is released.</summary>
internal sealed record DrainAll;

/// <summary>Shutdown step 2 (cut): interrupt and supersede everything, then release every pin; answered like <see cref="DrainAll"/>.</summary>
/// <param name="Reason">Put in the interrupted commands' outcomes.</param>
internal sealed record CutAll(string Reason);

/// <summary>Shutdown step 3: every line to its safe level and closed; answered with <see cref="ShutdownStepDone"/>.</summary>
internal sealed record ReleaseAllLines;

/// <summary>A shutdown step finished.</summary>
/// <param name="Step">Which one.</param>
internal sealed record ShutdownStepDone(string Step);

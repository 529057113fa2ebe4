using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>Who owns a pin and how: what a pin actor needs to serve its owner.</summary>
/// <param name="SessionId">The owning session's id.</param>
/// <param name="Owner">The owner as shown in messages: "session 'lab-2' (s3)".</param>
/// <param name="Client">The reference that claimed the pin; notices about the pin go there.</param>
/// <param name="Mode">The session's mode (never <see cref="Mode.HostDefault"/>).</param>
/// <param name="Role">Output or input.</param>
/// <param name="Input">The input configuration of an input claim.</param>
internal sealed record ClaimInfo(string SessionId, string Owner, IActorRef Client, Mode Mode, ClaimRole Role, InputConfig? Input);

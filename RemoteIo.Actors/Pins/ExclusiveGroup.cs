namespace RemoteIo.Actors.Pins;

/// <summary>
/// GPIOs that must never be energised at the same time — the two legs of an H-bridge, a motor's
/// forward and reverse relays (<c>remoteio.pins.exclusive-groups</c>). A command that would
/// energise one member while another member is energised (or runs a waveform that can go high)
/// is rejected with INTERLOCK, naming the group.
/// </summary>
/// <param name="Name">The group's name, used in rejection messages.</param>
/// <param name="Gpios">Its members (at least two, distinct).</param>
public sealed record ExclusiveGroup(string Name, IReadOnlyList<int> Gpios);

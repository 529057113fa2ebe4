namespace RemoteIo.Actors.Remote.Handshake;

/// <summary>The protocol versions a side speaks, [Min, Max] (remote.proto "Protocol version negotiation").</summary>
/// <param name="Min">Lowest version accepted.</param>
/// <param name="Max">Highest version spoken.</param>
internal readonly record struct ProtocolVersionRange(uint Min, uint Max)
{
    /// <summary>What this build speaks: version 1 only.</summary>
    public static ProtocolVersionRange Current => new(1, 1);

    /// <summary>Whether <paramref name="version"/> is in the range.</summary>
    /// <param name="version">A version.</param>
    /// <returns>True when Min ≤ version ≤ Max.</returns>
    public bool Contains(uint version) => version >= Min && version <= Max;

    /// <summary>The highest version both ranges contain.</summary>
    /// <param name="other">The other side's range.</param>
    /// <param name="version">The chosen version.</param>
    /// <returns>False when the ranges do not overlap.</returns>
    public bool TryNegotiate(ProtocolVersionRange other, out uint version)
    {
        version = Math.Min(Max, other.Max);
        return version >= Math.Max(Min, other.Min);
    }

    /// <inheritdoc />
    public override string ToString() => Min == Max ? $"{Min}" : $"{Min}..{Max}";
}

using System.Net;
using System.Net.Sockets;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>The name of a listener on an <see cref="InMemoryNetwork"/>, shown as <c>inmem://name</c>.</summary>
public sealed class InMemoryEndPoint : EndPoint, IEquatable<InMemoryEndPoint>
{
    /// <summary>Creates the endpoint.</summary>
    /// <param name="name">Any non-empty name, unique among the network's listeners.</param>
    public InMemoryEndPoint(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The listener's name.</summary>
    public string Name { get; }

    /// <summary>Not an IP or Unix address.</summary>
    public override AddressFamily AddressFamily => AddressFamily.Unspecified;

    /// <inheritdoc />
    public bool Equals(InMemoryEndPoint? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InMemoryEndPoint);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => $"inmem://{Name}";
}

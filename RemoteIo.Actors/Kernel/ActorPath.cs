using System.Globalization;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The unique, hierarchical name of an actor: an <see cref="Address"/> followed by the names from
/// the root guardian down, e.g. <c>remoteio://pins@10.0.0.2:8509/user/pins/g17</c>. A path may
/// carry the uid of one actor incarnation (<c>#uid</c> in its serialised form); path equality
/// ignores the uid, actor-reference equality does not.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    /// <summary>The name every root path carries.</summary>
    private const string RootName = "/";

    /// <summary>Symbols allowed in a path element besides letters, digits and %-escapes (Akka's set).</summary>
    private const string ValidSymbols = "\"-_.*$+:@&=,!~';";

    /// <summary>The parent path; null for a root path.</summary>
    private readonly ActorPath? _parent;

    /// <summary>Hash of the address and names (not the uid), computed once because paths key dictionaries.</summary>
    private readonly int _hash;

    /// <summary>The formatted path, cached on first use.</summary>
    private string? _text;

    /// <summary>Creates the root path of <paramref name="address"/>.</summary>
    private ActorPath(Address address)
    {
        Address = address;
        Name = RootName;
        _hash = address.GetHashCode();
    }

    /// <summary>Creates a child path.</summary>
    private ActorPath(ActorPath parent, string name, long uid)
    {
        _parent = parent;
        Address = parent.Address;
        Name = name;
        Uid = uid;
        Depth = parent.Depth + 1;
        _hash = HashCode.Combine(parent._hash, StringComparer.Ordinal.GetHashCode(name));
    }

    /// <summary>The address of the actor system the path belongs to.</summary>
    public Address Address { get; }

    /// <summary>The last element (the actor's name); <c>/</c> for a root path.</summary>
    public string Name { get; }

    /// <summary>The uid of the actor incarnation, or 0 when the path does not name a specific incarnation.</summary>
    public long Uid { get; }

    /// <summary>How many elements follow the root (0 for a root path).</summary>
    public int Depth { get; }

    /// <summary>True for the root path of an address.</summary>
    public bool IsRoot => _parent is null;

    /// <summary>The parent path; a root path is its own parent (as in Akka).</summary>
    public ActorPath Parent => _parent ?? this;

    /// <summary>The root path of this path's address.</summary>
    public ActorPath Root
    {
        get
        {
            var path = this;
            while (path._parent is not null)
            {
                path = path._parent;
            }

            return path;
        }
    }

    /// <summary>The names from the root down, without the root (empty for a root path).</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            for (var path = this; path._parent is not null; path = path._parent)
            {
                elements[path.Depth - 1] = path.Name;
            }

            return elements;
        }
    }

    /// <summary>The ancestor of this path at <paramref name="depth"/> (0: the root; <see cref="Depth"/>: this path), found without allocating.</summary>
    /// <param name="depth">0..<see cref="Depth"/>.</param>
    /// <returns>The ancestor.</returns>
    internal ActorPath AncestorAt(int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, Depth);
        var path = this;
        for (var steps = Depth - depth; steps > 0; steps--)
        {
            path = path._parent!;
        }

        return path;
    }

    /// <summary>Creates the root path of an address.</summary>
    /// <param name="address">The actor system's address.</param>
    /// <returns>The root path, <c>address/</c>.</returns>
    public static ActorPath RootOf(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new ActorPath(address);
    }

    /// <summary>Appends one element (see <see cref="Child"/>).</summary>
    /// <param name="path">The parent path.</param>
    /// <param name="name">The child's name.</param>
    /// <returns>The child path.</returns>
    public static ActorPath operator /(ActorPath path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Child(name);
    }

    /// <summary>Returns the path of the child named <paramref name="name"/> (uid unknown).</summary>
    /// <param name="name">A valid path element (letters, digits, Akka's symbols, %-escapes).</param>
    /// <returns>The child path.</returns>
    /// <exception cref="ArgumentException">The name is not a valid path element.</exception>
    public ActorPath Child(string name)
    {
        if (!IsValidElement(name))
        {
            throw new ArgumentException($"'{name}' is not a valid actor path element: use letters, digits, %-escapes and {ValidSymbols}.", nameof(name));
        }

        return new ActorPath(this, name, 0);
    }

    /// <summary>Appends several elements in order.</summary>
    /// <param name="names">The elements to append.</param>
    /// <returns>The descendant path.</returns>
    public ActorPath Descendant(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var path = this;
        foreach (var name in names)
        {
            path = path.Child(name);
        }

        return path;
    }

    /// <summary>Returns the same path naming the incarnation <paramref name="uid"/>.</summary>
    /// <param name="uid">The incarnation uid; 0 for none.</param>
    /// <returns>The path with that uid.</returns>
    public ActorPath WithUid(long uid) =>
        uid == Uid || _parent is null ? this : new ActorPath(_parent, Name, uid);

    /// <summary>Returns the same names under another address (used to show local paths to remote peers).</summary>
    /// <param name="address">The address to put in front.</param>
    /// <returns>The re-rooted path, keeping the uid.</returns>
    public ActorPath WithAddress(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address == Address ? this : RootOf(address).Descendant(Elements).WithUid(Uid);
    }

    /// <summary>
    /// Parses <c>protocol://system[@host:port]/a/b[#uid]</c>; the inverse of
    /// <see cref="ToSerializationFormat"/>.
    /// </summary>
    /// <param name="text">The path text.</param>
    /// <returns>The path.</returns>
    /// <exception cref="FormatException">The text is not an actor path; the message says why.</exception>
    public static ActorPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = ParseOrError(text, out var path);
        return error is null ? path! : throw new FormatException(error);
    }

    /// <summary>Parses an actor path; see <see cref="Parse"/>.</summary>
    /// <param name="text">The path text.</param>
    /// <param name="path">The path, when valid.</param>
    /// <returns>True when <paramref name="text"/> is a valid actor path.</returns>
    public static bool TryParse(string? text, out ActorPath? path)
    {
        path = null;
        return text is not null && ParseOrError(text, out path) is null;
    }

    /// <summary>Parses an actor path and says what is wrong when it is not one.</summary>
    /// <returns>Null when parsed; otherwise the error message.</returns>
    private static string? ParseOrError(string text, out ActorPath? path)
    {
        path = null;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var pathStart = schemeEnd < 0 ? -1 : text.IndexOf('/', schemeEnd + 3);
        var addressText = pathStart < 0 ? text.AsSpan() : text.AsSpan(0, pathStart);
        var error = Address.ParseOrError(addressText, out var address);
        if (error is not null)
        {
            return $"Invalid actor path '{text}': {error}";
        }

        var rest = pathStart < 0 ? string.Empty : text[pathStart..];
        long uid = 0;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            if (!long.TryParse(rest.AsSpan(hash + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out uid))
            {
                return $"Invalid actor path '{text}': the uid after '#' must be an integer.";
            }

            rest = rest[..hash];
        }

        var result = RootOf(address!);
        foreach (var element in rest.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsValidElement(element))
            {
                return $"Invalid actor path '{text}': '{element}' is not a valid path element.";
            }

            result = new ActorPath(result, element, 0);
        }

        path = result.WithUid(uid);
        return null;
    }

    /// <summary>
    /// True when <paramref name="element"/> may appear in a path: letters, digits, Akka's symbols
    /// and %-escapes (a leading <c>$</c> marks a generated name).
    /// </summary>
    /// <param name="element">The candidate element.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidElement(string? element)
    {
        if (string.IsNullOrEmpty(element))
        {
            return false;
        }

        for (var i = 0; i < element.Length; i++)
        {
            var c = element[i];
            if (char.IsAsciiLetterOrDigit(c) || ValidSymbols.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            if (c == '%' && i + 2 < element.Length && char.IsAsciiHexDigit(element[i + 1]) && char.IsAsciiHexDigit(element[i + 2]))
            {
                i += 2;
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>Formats without the uid, e.g. <c>remoteio://sys/user/a</c>.</summary>
    /// <returns>The path text.</returns>
    public override string ToString() => _text ??= Address + ToStringWithoutAddress();

    /// <summary>Formats the elements only, e.g. <c>/user/a</c> (a root path gives <c>/</c>).</summary>
    /// <returns>The path text without address.</returns>
    public string ToStringWithoutAddress()
    {
        if (_parent is null)
        {
            return RootName;
        }

        var length = 0;
        for (var path = this; path._parent is not null; path = path._parent)
        {
            length += path.Name.Length + 1;
        }

        // Filled from the last element backwards: no recursion, so a path of any depth (one read
        // off the wire, say) formats without exhausting the stack.
        return string.Create(length, this, static (chars, leaf) =>
        {
            var end = chars.Length;
            for (var path = leaf; path._parent is not null; path = path._parent)
            {
                end -= path.Name.Length;
                path.Name.AsSpan().CopyTo(chars[end..]);
                chars[--end] = '/';
            }
        });
    }

    /// <summary>Formats with another address in front (how a local path is named to a remote peer).</summary>
    /// <param name="address">The address to show.</param>
    /// <returns>The path text.</returns>
    public string ToStringWithAddress(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address + ToStringWithoutAddress();
    }

    /// <summary>Formats with the uid, e.g. <c>remoteio://sys/user/a#42</c>; <see cref="Parse"/> reads it back.</summary>
    /// <returns>The serialised path.</returns>
    public string ToSerializationFormat() => WithUidSuffix(ToString());

    /// <summary>Formats with another address and the uid (a local reference serialised for a remote peer).</summary>
    /// <param name="address">The address to show.</param>
    /// <returns>The serialised path.</returns>
    public string ToSerializationFormatWithAddress(Address address) => WithUidSuffix(ToStringWithAddress(address));

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._hash != _hash || other.Depth != Depth)
        {
            return false;
        }

        var a = this;
        var b = other;
        while (a._parent is not null)
        {
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }

            a = a._parent;
            b = b._parent!;
        }

        return a.Address == b.Address;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <inheritdoc />
    public int CompareTo(ActorPath? other) => other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    /// <summary>Value equality (address and elements, not the uid).</summary>
    /// <param name="left">A path.</param>
    /// <param name="right">Another path.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A path.</param>
    /// <param name="right">Another path.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);

    /// <summary>Orders by text.</summary>
    /// <param name="left">A path.</param>
    /// <param name="right">Another path.</param>
    /// <returns>True when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ActorPath? left, ActorPath? right) => Compare(left, right) < 0;

    /// <summary>Orders by text.</summary>
    /// <param name="left">A path.</param>
    /// <param name="right">Another path.</param>
    /// <returns>True when <paramref name="left"/> does not sort after.</returns>
    public static bool operator <=(ActorPath? left, ActorPath? right) => Compare(left, right) <= 0;

    /// <summary>Orders by text.</summary>
    /// <param name="left">A path.</param>
    /// <param name="right">Another path.</param>
    /// <returns>True when <paramref name="left"/> sorts after.</returns>
    public static bool operator >(ActorPath? left, ActorPath? right) => Compare(left, right) > 0;

    /// <summary>Orders by text.</summary>
    /// <param name="left">A path.</param>
    /// <param name="right">Another path.</param>
    /// <returns>True when <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(ActorPath? left, ActorPath? right) => Compare(left, right) >= 0;

    /// <summary>Null-tolerant comparison (null sorts first).</summary>
    private static int Compare(ActorPath? left, ActorPath? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary>Appends <c>#uid</c> when the path names an incarnation.</summary>
    private string WithUidSuffix(string text) => Uid == 0 ? text : text + "#" + Uid.ToString(CultureInfo.InvariantCulture);
}

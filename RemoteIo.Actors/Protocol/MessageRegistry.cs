using System.Buffers;
using System.Reflection;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace RemoteIo.Actors.Protocol;

/// <summary>
/// The protobuf message types a process accepts from the wire, looked up by their protobuf full
/// name (e.g. <c>remoteio.pins.v1.PinCommand</c>). A name that was not registered is never
/// resolved to a type by any other means, so a peer cannot make the receiver instantiate or
/// evaluate anything it did not register.
/// </summary>
/// <remarks>
/// Registration normally happens at start-up; lookups are lock-free and safe from any thread
/// (the table is copied on registration). Registering the same type twice is harmless; two
/// different CLR types under one full name are refused.
/// </remarks>
public sealed class MessageRegistry
{
    /// <summary>Serialises registrations (lookups do not take it).</summary>
    private readonly Lock _gate = new();

    /// <summary>
    /// The registered types by full name; replaced as a whole on every registration and never
    /// changed after it is published, so lookups need no lock. (Plain dictionaries, not frozen ones:
    /// a lookup costs a few nanoseconds more, and the host need not load System.Collections.Immutable,
    /// about 1 MB of its idle RSS.)
    /// </summary>
    private volatile Dictionary<string, RegisteredMessage> _byName = new(StringComparer.Ordinal);

    /// <summary>The registered types by CLR type (for the sending side); replaced with <see cref="_byName"/>.</summary>
    private volatile Dictionary<Type, RegisteredMessage> _byType = [];

    /// <summary>How many message types are registered.</summary>
    public int Count => _byName.Count;

    /// <summary>The full names of every registered type (for diagnostics).</summary>
    public IEnumerable<string> TypeNames => _byName.Keys;

    /// <summary>
    /// Creates a registry holding RemoteIo's own domain messages (every message of
    /// <c>pins.proto</c>), which every host and client exchange.
    /// </summary>
    /// <returns>A new registry; register application messages on it as needed.</returns>
    public static MessageRegistry CreateDefault()
    {
        var registry = new MessageRegistry();
        registry.Register(PinsReflection.Descriptor);
        return registry;
    }

    /// <summary>Registers one message type (not its nested types).</summary>
    /// <param name="descriptor">The generated type's descriptor (<c>MyMessage.Descriptor</c>).</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentException">The descriptor has no generated CLR type, or another CLR type is registered under its name.</exception>
    public MessageRegistry Register(MessageDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Add([descriptor]);
        return this;
    }

    /// <summary>Registers every message type of a .proto file, nested types included.</summary>
    /// <param name="file">The file's descriptor (<c>MyProtoReflection.Descriptor</c>).</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentException">Another CLR type is registered under one of the names.</exception>
    public MessageRegistry Register(FileDescriptor file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var all = new List<MessageDescriptor>();
        foreach (var message in file.MessageTypes)
        {
            Collect(message, all);
        }

        Add(all);
        return this;
    }

    /// <summary>
    /// Registers every message type generated into <paramref name="assembly"/> (every public
    /// protobuf message class with a static <c>Descriptor</c>).
    /// </summary>
    /// <param name="assembly">An assembly holding protoc-generated C# code.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentException">Another CLR type is registered under one of the names.</exception>
    public MessageRegistry RegisterAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var all = new List<MessageDescriptor>();
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type.IsClass && typeof(IMessage).IsAssignableFrom(type)
                && type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is MessageDescriptor descriptor)
            {
                all.Add(descriptor);
            }
        }

        Add(all);
        return this;
    }

    /// <summary>Looks a registered type up by its protobuf full name.</summary>
    /// <param name="fullName">The protobuf full name, e.g. <c>remoteio.pins.v1.ClaimPin</c>.</param>
    /// <param name="descriptor">The registered type's descriptor, when found.</param>
    /// <returns>True when the name is registered.</returns>
    public bool TryGetDescriptor(string fullName, out MessageDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        if (_byName.TryGetValue(fullName, out var registered))
        {
            descriptor = registered.Descriptor;
            return true;
        }

        descriptor = null!;
        return false;
    }

    /// <summary>Whether a CLR message type is registered (so it can be sent).</summary>
    /// <param name="type">The message's CLR type.</param>
    /// <returns>True when registered.</returns>
    public bool IsRegistered(Type type) => _byType.ContainsKey(type);

    /// <summary>
    /// The full name of a registered message's type encoded as UTF-8 (cached, so senders do not
    /// encode it per message).
    /// </summary>
    /// <param name="type">The message's CLR type.</param>
    /// <param name="utf8Name">The cached UTF-8 bytes of the full name.</param>
    /// <returns>True when the type is registered.</returns>
    public bool TryGetTypeName(Type type, out ReadOnlyMemory<byte> utf8Name)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_byType.TryGetValue(type, out var registered))
        {
            utf8Name = registered.Utf8Name;
            return true;
        }

        utf8Name = default;
        return false;
    }

    /// <summary>Decodes a payload as the registered type named <paramref name="fullName"/>.</summary>
    /// <param name="fullName">The protobuf full name from the wire.</param>
    /// <param name="payload">The encoded message.</param>
    /// <returns>The decoded message.</returns>
    /// <exception cref="UnknownMessageTypeException">The name is not registered.</exception>
    /// <exception cref="InvalidProtocolBufferException">The bytes do not parse as that type.</exception>
    public IMessage Parse(string fullName, in ReadOnlySequence<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        if (!_byName.TryGetValue(fullName, out var registered))
        {
            throw new UnknownMessageTypeException(fullName);
        }

        return registered.Descriptor.Parser.ParseFrom(payload);
    }

    /// <summary>Adds descriptors under the gate, checking every one before changing anything.</summary>
    private void Add(IReadOnlyCollection<MessageDescriptor> descriptors)
    {
        lock (_gate)
        {
            var byName = new Dictionary<string, RegisteredMessage>(_byName, StringComparer.Ordinal);
            foreach (var descriptor in descriptors)
            {
                if (descriptor.ClrType is null || descriptor.Parser is null)
                {
                    throw new ArgumentException(
                        $"'{descriptor.FullName}' has no generated C# type; register descriptors of protoc-generated classes.", nameof(descriptors));
                }

                if (byName.TryGetValue(descriptor.FullName, out var existing))
                {
                    if (existing.Descriptor.ClrType != descriptor.ClrType)
                    {
                        throw new ArgumentException(
                            $"'{descriptor.FullName}' is already registered as {existing.Descriptor.ClrType} and cannot also be {descriptor.ClrType}.", nameof(descriptors));
                    }

                    continue;
                }

                byName[descriptor.FullName] = new RegisteredMessage(descriptor, Encoding.UTF8.GetBytes(descriptor.FullName));
            }

            _byType = byName.Values.ToDictionary(r => r.Descriptor.ClrType);
            _byName = byName;
        }
    }

    /// <summary>Adds a descriptor and, depth first, its nested message types (map entries excluded).</summary>
    private static void Collect(MessageDescriptor descriptor, List<MessageDescriptor> into)
    {
        if (descriptor.ClrType is null)
        {
            return; // map entry types have no CLR class and never travel on their own
        }

        into.Add(descriptor);
        foreach (var nested in descriptor.NestedTypes)
        {
            Collect(nested, into);
        }
    }

    /// <summary>One registered type with its name pre-encoded for the wire.</summary>
    /// <param name="Descriptor">The message type.</param>
    /// <param name="Utf8Name">Its full name as UTF-8.</param>
    private sealed record RegisteredMessage(MessageDescriptor Descriptor, ReadOnlyMemory<byte> Utf8Name);
}

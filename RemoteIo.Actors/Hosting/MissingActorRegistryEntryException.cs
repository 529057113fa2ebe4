namespace RemoteIo.Actors.Hosting;

/// <summary>An actor was asked of the <see cref="ActorRegistry"/> under a key nothing was registered under.</summary>
public sealed class MissingActorRegistryEntryException : InvalidOperationException
{
    /// <summary>Creates the exception with a message naming the key and the keys that are registered.</summary>
    /// <param name="key">The missing key.</param>
    /// <param name="registered">The names of the registered keys.</param>
    public MissingActorRegistryEntryException(Type key, IReadOnlyCollection<string> registered)
        : base($"No actor is registered under key {key.Name} (registered: {(registered.Count == 0 ? "none" : string.Join(", ", registered))}). "
            + "Register it in a WithActors(...) step of AddActorSystem, or wait for it with GetAsync.")
    {
        Key = key;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public MissingActorRegistryEntryException(string message)
        : base(message)
    {
        Key = typeof(void);
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MissingActorRegistryEntryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = typeof(void);
    }

    /// <summary>Creates the exception without details.</summary>
    public MissingActorRegistryEntryException()
        : this("No actor is registered under the requested key.")
    {
    }

    /// <summary>The key that was not found.</summary>
    public Type Key { get; }
}

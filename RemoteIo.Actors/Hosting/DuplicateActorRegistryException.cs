using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Hosting;

/// <summary>A key of the <see cref="ActorRegistry"/> was registered twice without asking to overwrite.</summary>
public sealed class DuplicateActorRegistryException : InvalidOperationException
{
    /// <summary>Creates the exception with a message naming the key and both actors.</summary>
    /// <param name="key">The key.</param>
    /// <param name="existing">The actor already registered.</param>
    /// <param name="attempted">The actor that was refused.</param>
    public DuplicateActorRegistryException(Type key, IActorRef existing, IActorRef attempted)
        : base($"The actor registry already holds {existing.Path} under key {key.Name}; refusing {attempted.Path} (register with overwrite: true to replace it).")
    {
        Key = key;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public DuplicateActorRegistryException(string message)
        : base(message)
    {
        Key = typeof(void);
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DuplicateActorRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = typeof(void);
    }

    /// <summary>Creates the exception without details.</summary>
    public DuplicateActorRegistryException()
        : this("An actor registry key was registered twice.")
    {
    }

    /// <summary>The key that was taken.</summary>
    public Type Key { get; }
}

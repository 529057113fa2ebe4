namespace RemoteIo.Actors.Protocol;

/// <summary>
/// A message arrived (or was about to be sent) whose protobuf type is not registered in the
/// <see cref="MessageRegistry"/>. The message is not decoded; the type name is only reported.
/// </summary>
public sealed class UnknownMessageTypeException : Exception
{
    /// <summary>Creates the exception for a type name that is not registered.</summary>
    /// <param name="typeName">The protobuf full name (or CLR type name on the sending side).</param>
    public UnknownMessageTypeException(string typeName)
        : base($"unknown message type '{typeName}': it is not registered in this process's MessageRegistry")
    {
        TypeName = typeName;
    }

    /// <summary>Creates the exception with a message of the caller's choice.</summary>
    /// <param name="typeName">The unregistered type's name.</param>
    /// <param name="message">The error text.</param>
    public UnknownMessageTypeException(string typeName, string message)
        : base(message)
    {
        TypeName = typeName;
    }

    /// <summary>Creates the exception with no detail (serialisation and tooling use).</summary>
    public UnknownMessageTypeException()
        : base("unknown message type")
    {
        TypeName = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The error text.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownMessageTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
        TypeName = string.Empty;
    }

    /// <summary>The type name that was not registered.</summary>
    public string TypeName { get; }
}

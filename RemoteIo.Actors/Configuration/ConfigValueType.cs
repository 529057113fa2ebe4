namespace RemoteIo.Actors.Configuration;

/// <summary>The JSON type of a resolved configuration value.</summary>
public enum ConfigValueType
{
    /// <summary>An object: named fields (<see cref="ConfigObject"/>).</summary>
    Object,

    /// <summary>An ordered list of values (<see cref="ConfigList"/>).</summary>
    List,

    /// <summary>A string, quoted or unquoted, including durations and sizes such as <c>100ms</c> or <c>64KiB</c>.</summary>
    String,

    /// <summary>A number, kept as it was written (<c>1e3</c> stays <c>1e3</c>).</summary>
    Number,

    /// <summary>The literal <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>The literal <c>null</c>: present, but deliberately without a value.</summary>
    Null,
}

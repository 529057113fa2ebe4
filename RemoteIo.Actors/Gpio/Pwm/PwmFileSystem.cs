namespace RemoteIo.Actors.Gpio.Pwm;

/// <summary>
/// The file operations <see cref="SysfsPwmChannel"/> performs on /sys/class/pwm, as a seam: the
/// real one writes sysfs attributes with a single <c>write</c> each; a test substitutes one that
/// records every write in order and enforces the kernel's rules (which a temp directory cannot).
/// Failures surface as the .NET exceptions for the errno: <see cref="UnauthorizedAccessException"/>
/// for EACCES/EPERM, <see cref="IOException"/> whose <see cref="Exception.HResult"/> is the errno
/// (EINVAL 22, EBUSY 16, ENODEV 19) otherwise.
/// </summary>
public abstract class PwmFileSystem
{
    /// <summary>The machine's file system.</summary>
    public static PwmFileSystem Physical { get; } = new PhysicalPwmFileSystem();

    /// <summary>Whether a directory exists.</summary>
    /// <param name="path">The path.</param>
    /// <returns>True when it exists.</returns>
    public abstract bool DirectoryExists(string path);

    /// <summary>Reads a sysfs attribute (trimmed of its trailing newline by the caller).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The content.</returns>
    public abstract string ReadAllText(string path);

    /// <summary>Writes a sysfs attribute with one write call; never creates the file.</summary>
    /// <param name="path">The path.</param>
    /// <param name="text">The content.</param>
    public abstract void WriteAllText(string path, string text);

    /// <summary>Whether the process may write an existing file (udev changes sysfs permissions a moment after export).</summary>
    /// <param name="path">The path.</param>
    /// <returns>True when writable.</returns>
    public abstract bool IsWritable(string path);

    /// <summary>The sub-directories of <paramref name="path"/> whose names match <paramref name="pattern"/> (e.g. <c>pwmchip*</c>).</summary>
    /// <param name="path">The directory.</param>
    /// <param name="pattern">A file-system wildcard pattern.</param>
    /// <returns>Full paths.</returns>
    public abstract IReadOnlyList<string> EnumerateDirectories(string path, string pattern);

    /// <summary>The final target of a symbolic link (a pwmchip's <c>device</c> link names its controller), or null.</summary>
    /// <param name="path">The link.</param>
    /// <returns>The target path, or null when not a link.</returns>
    public abstract string? ResolveLinkTarget(string path);
}

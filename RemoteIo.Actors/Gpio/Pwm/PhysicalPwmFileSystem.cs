using System.Text;

namespace RemoteIo.Actors.Gpio.Pwm;

/// <summary>The real file system, writing each sysfs attribute with one unbuffered write (sysfs takes one value per write call).</summary>
internal sealed class PhysicalPwmFileSystem : PwmFileSystem
{
    /// <inheritdoc />
    public override bool DirectoryExists(string path) => Directory.Exists(path);

    /// <inheritdoc />
    public override string ReadAllText(string path) => File.ReadAllText(path);

    /// <inheritdoc />
    public override void WriteAllText(string path, string text)
    {
        // O_TRUNC without O_CREAT, like the shell's "echo 1 > enable": sysfs ignores the truncation,
        // a plain file (a test tree) ends up holding exactly the value.
        using var stream = new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        stream.Write(Encoding.ASCII.GetBytes(text));
    }

    /// <inheritdoc />
    public override bool IsWritable(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> EnumerateDirectories(string path, string pattern) =>
        Directory.Exists(path) ? [.. Directory.EnumerateDirectories(path, pattern)] : [];

    /// <inheritdoc />
    public override string? ResolveLinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName
                ?? new DirectoryInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

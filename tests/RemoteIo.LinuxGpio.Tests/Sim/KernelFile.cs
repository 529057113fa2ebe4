namespace RemoteIo.LinuxGpio.Tests.Sim;

/// <summary>
/// Reads and writes kernel attribute files (sysfs, configfs) the way the kernel expects: the file
/// opened without truncation and the whole value handed over in one write call.
/// </summary>
internal static class KernelFile
{
    /// <summary>Reads an attribute and trims the trailing newline.</summary>
    /// <param name="path">The attribute file.</param>
    /// <returns>The attribute's value.</returns>
    public static string Read(string path) => File.ReadAllText(path).TrimEnd('\n');

    /// <summary>Writes <paramref name="value"/> to an attribute in a single write.</summary>
    /// <param name="path">The attribute file.</param>
    /// <param name="value">The text to write.</param>
    /// <exception cref="IOException">The kernel refused the value; the message names the file and value.</exception>
    public static void Write(string path, string value)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Write(System.Text.Encoding.ASCII.GetBytes(value));
        }
        catch (IOException e)
        {
            throw new IOException($"writing '{value}' to {path} failed: {e.Message}", e);
        }
    }
}

using RemoteIo.ClientNode;

namespace RemoteIo.Host.Hosting;

/// <summary>
/// Start-up work that does not depend on the configuration, run on a pool thread while the main
/// thread parses the command line, reads the configuration and builds the Generic Host.
/// </summary>
/// <remarks>
/// Building the wire message registry builds every protobuf descriptor of pins.proto and
/// host_admin.proto; Google.Protobuf's reflection code is IL, so on a JIT start that is about 600
/// methods and a quarter of the host's JIT time, all on the path to accepting a connection. Doing it
/// once here compiles that code on a second core; the registry the host builds later is then cheap.
/// Static constructors are thread-safe, so a host that gets there first simply waits for (never
/// repeats) a descriptor being built. Failures are left to the real build, which reports them.
/// </remarks>
internal static class StartWarmUp
{
    /// <summary>Starts the warm-up (fire and forget).</summary>
    public static void Start() => _ = Task.Run(WarmUp);

    /// <summary>Builds (and drops) the message registry.</summary>
    private static void WarmUp()
    {
        try
        {
            _ = RemoteServer.CreateRegistry();
        }
        catch (Exception e) when (e is ArgumentException or TypeInitializationException or InvalidOperationException)
        {
            // Nothing to do: the host's own registry build fails the same way and says why.
        }
    }
}

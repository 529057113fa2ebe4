using RemoteIo.Actors.Pins;

namespace RemoteIo.Host.Hosting;

/// <summary>The host's pin domain once started (for the host's own services, tests and simulations).</summary>
public sealed class HostPins
{
    /// <summary>The running pin service, or null before the host started.</summary>
    public PinService? Service { get; internal set; }
}

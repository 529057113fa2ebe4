using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct sched_param</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SchedParam
{
    /// <summary>The real-time priority, 1..99.</summary>
    public int Priority;
}

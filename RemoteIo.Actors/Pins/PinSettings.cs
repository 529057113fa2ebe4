using RemoteIo.Actors.Gpio;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// Settings of one GPIO (<c>remoteio.pins.pin-settings.&lt;gpio&gt;</c>): its safe level and an
/// optional interlock on how long it may stay energised. A pin listed in the configuration is put
/// in its safe level as soon as the host starts, before any client can claim it.
/// </summary>
public sealed record PinSettings
{
    /// <summary>The level the pin is left at on release, at host start and at host shutdown (<c>safe-level</c>).</summary>
    public PinValue SafeLevel { get; init; } = PinValue.Low;

    /// <summary>
    /// The longest stretch the pin may stay energised — driven by on, blink, pulse, servo or a
    /// value above 0, through any chain of commands — before the host cuts it to its safe level
    /// (<c>max-on-time</c>); null: no limit. A cut command ends INTERRUPTED and the owner gets a
    /// MAX_ON_TIME notice.
    /// </summary>
    public TimeSpan? MaxOnTime { get; init; }

    /// <summary>Returns a copy with another safe level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The settings.</returns>
    public PinSettings WithSafeLevel(PinValue level) => this with { SafeLevel = level };

    /// <summary>Returns a copy with another maximum on-time.</summary>
    /// <param name="maxOnTime">A positive duration, or null for no limit.</param>
    /// <returns>The settings.</returns>
    public PinSettings WithMaxOnTime(TimeSpan? maxOnTime) => this with { MaxOnTime = maxOnTime };
}

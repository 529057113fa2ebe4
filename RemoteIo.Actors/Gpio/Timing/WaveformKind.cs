namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>The shapes of <see cref="Waveform"/> a line can run.</summary>
public enum WaveformKind
{
    /// <summary>One level held (on, off, an impulse).</summary>
    Constant = 0,

    /// <summary>High for one time, low for another, repeated, starting high (blink, servo pulses).</summary>
    Square = 1,

    /// <summary>Pulse-width modulation at a frequency with a fixed duty cycle (value / software PWM).</summary>
    Pwm = 2,

    /// <summary>PWM whose duty ramps 0→1 over a fade-in time and 1→0 over a fade-out time, repeated (pulse).</summary>
    Fade = 3,
}

namespace RemoteIo.Actors.Gpio.Pwm;

/// <summary>
/// A PWM output, as System.Device.Gpio's <c>PwmChannel</c>: a frequency, a duty cycle, start and
/// stop. Implemented by the kernel's hardware PWM (<see cref="SysfsPwmChannel"/>) and by the timing
/// engine's software PWM on any output line (<see cref="SoftwarePwmChannel"/>).
/// </summary>
public abstract class PwmChannel : IDisposable
{
    /// <summary>The frequency in hertz; setting it keeps the duty cycle (as a fraction).</summary>
    public abstract double Frequency { get; set; }

    /// <summary>The duty cycle, 0..1; setting it keeps the frequency.</summary>
    public abstract double DutyCycle { get; set; }

    /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
    public abstract bool IsRunning { get; }

    /// <summary>Opens a hardware PWM channel under /sys/class/pwm (System.Device.Gpio's <c>PwmChannel.Create</c>) and sets it up, stopped.</summary>
    /// <param name="chip">The pwmchip number.</param>
    /// <param name="channel">The channel number.</param>
    /// <param name="frequency">The frequency in hertz.</param>
    /// <param name="dutyCycle">The duty cycle, 0..1.</param>
    /// <returns>The channel.</returns>
    public static PwmChannel Create(int chip, int channel, double frequency = 400, double dutyCycle = 0.5)
    {
        var pwm = SysfsPwmChannel.Open(chip, channel);
        try
        {
            pwm.Frequency = frequency;
            pwm.DutyCycle = dutyCycle;
            return pwm;
        }
        catch
        {
            pwm.Dispose();
            throw;
        }
    }

    /// <summary>Starts the output.</summary>
    public abstract void Start();

    /// <summary>Stops the output (it rests low, or high for inversed polarity).</summary>
    public abstract void Stop();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the output and frees the channel.</summary>
    /// <param name="disposing">False from a finalizer.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Refuses a frequency no PWM can have.</summary>
    /// <param name="frequency">The frequency.</param>
    /// <exception cref="GpioInvalidArgumentException">Not a positive finite number.</exception>
    protected static void CheckFrequency(double frequency)
    {
        if (!(frequency > 0) || double.IsInfinity(frequency))
        {
            throw new GpioInvalidArgumentException($"PWM frequency {frequency} Hz must be a positive number");
        }
    }

    /// <summary>Refuses a duty cycle outside 0..1.</summary>
    /// <param name="dutyCycle">The duty cycle.</param>
    /// <exception cref="GpioInvalidArgumentException">Outside 0..1.</exception>
    protected static void CheckDutyCycle(double dutyCycle)
    {
        if (!(dutyCycle is >= 0 and <= 1))
        {
            throw new GpioInvalidArgumentException($"PWM duty cycle {dutyCycle} is outside 0..1");
        }
    }
}

namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// Settings of the timing engine (HOCON <c>remoteio.gpio.timing</c>). Immutable; derive variants
/// with the <c>WithX</c> methods.
/// </summary>
public sealed record EdgeSchedulerOptions
{
    /// <summary>The defaults documented in reference.conf.</summary>
    public static EdgeSchedulerOptions Default { get; } = new();

    /// <summary>
    /// Timing threads on the real clock (<c>thread-count</c>, default 1). Lines are spread over them by
    /// line number; more than one helps only when several cores are free to spin.
    /// </summary>
    public int ThreadCount { get; init; } = 1;

    /// <summary>
    /// The longest a timing thread spins on the clock before a due edge (<c>spin-window</c>,
    /// default 1 ms). While its <see cref="SpinBudget"/> lasts the thread spins this whole window,
    /// so an edge is exact even when the OS wakes it late; beyond the budget it spins only as long
    /// as its measured wake-up latency needs (plus a margin), at most 200 µs and never longer than
    /// this window.
    /// </summary>
    public TimeSpan SpinWindow { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// The share of one core a timing thread may spend spinning whole windows (<c>spin-budget</c>,
    /// 0..1, default 0.1). Sleeps on a shared VM can wake hundreds of µs late, beyond any learned
    /// latency; spinning the whole window absorbs that for sparse edges (impulses, slow blinks) at a
    /// bounded cost, while dense edges fall back to the learned spin. 0 turns whole windows off.
    /// </summary>
    public double SpinBudget { get; init; } = 0.1;

    /// <summary>
    /// The priority of the timing threads (<c>thread-priority</c>, default Highest). On Linux it sets
    /// the thread's nice value (Highest -10, AboveNormal -5, BelowNormal 5, Lowest 10) where the
    /// process may (raising needs root or CAP_SYS_NICE; a refusal is logged).
    /// </summary>
    public ThreadPriority ThreadPriority { get; init; } = ThreadPriority.Highest;

    /// <summary>
    /// SCHED_FIFO priority 1..99 for the timing threads where the process may set it (root or
    /// CAP_SYS_NICE); 0 leaves the normal scheduler (<c>realtime-priority</c>, default 0). Refusal is
    /// logged, not fatal.
    /// </summary>
    public int RealtimePriority { get; init; }

    /// <summary>The software PWM frequency in hertz when a command names none (<c>software-pwm-frequency</c>, default 100 as gpiozero).</summary>
    public double SoftwarePwmFrequency { get; init; } = 100;

    /// <summary>How often a fade's duty changes (<c>fade-step</c>, default 10 ms); zero: every PWM period.</summary>
    public TimeSpan FadeStep { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Returns a copy with another thread count.</summary>
    /// <param name="threadCount">1..64.</param>
    /// <returns>The options.</returns>
    public EdgeSchedulerOptions WithThreadCount(int threadCount) => this with { ThreadCount = threadCount };

    /// <summary>Returns a copy with another spin window.</summary>
    /// <param name="spinWindow">0..10 ms.</param>
    /// <returns>The options.</returns>
    public EdgeSchedulerOptions WithSpinWindow(TimeSpan spinWindow) => this with { SpinWindow = spinWindow };

    /// <summary>Returns a copy with another spin budget.</summary>
    /// <param name="share">The share of one core, 0..1.</param>
    /// <returns>The options.</returns>
    public EdgeSchedulerOptions WithSpinBudget(double share) => this with { SpinBudget = share };

    /// <summary>Returns a copy with another thread priority.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>The options.</returns>
    public EdgeSchedulerOptions WithThreadPriority(ThreadPriority priority) => this with { ThreadPriority = priority };

    /// <summary>Returns a copy with another real-time priority.</summary>
    /// <param name="priority">0 (off) or 1..99.</param>
    /// <returns>The options.</returns>
    public EdgeSchedulerOptions WithRealtimePriority(int priority) => this with { RealtimePriority = priority };

    /// <summary>Returns a copy with another default software PWM frequency.</summary>
    /// <param name="frequencyHz">Above 0, at most 1 MHz.</param>
    /// <returns>The options.</returns>
    public EdgeSchedulerOptions WithSoftwarePwmFrequency(double frequencyHz) => this with { SoftwarePwmFrequency = frequencyHz };

    /// <summary>Returns a copy with another fade step.</summary>
    /// <param name="fadeStep">Zero or positive.</param>
    /// <returns>The options.</returns>
    public EdgeSchedulerOptions WithFadeStep(TimeSpan fadeStep) => this with { FadeStep = fadeStep };

    /// <summary>Checks every setting, naming its HOCON key in the message.</summary>
    /// <exception cref="GpioInvalidArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (ThreadCount is < 1 or > 64)
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.timing.thread-count = {ThreadCount} is outside 1..64");
        }

        if (SpinWindow < TimeSpan.Zero || SpinWindow > TimeSpan.FromMilliseconds(10))
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.timing.spin-window = {SpinWindow} is outside 0..10ms");
        }

        if (!(SpinBudget is >= 0 and <= 1))
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.timing.spin-budget = {SpinBudget} is outside 0..1 (a share of one core)");
        }

        if (!Enum.IsDefined(ThreadPriority))
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.timing.thread-priority = {(int)ThreadPriority} is not a thread priority");
        }

        if (RealtimePriority is < 0 or > 99)
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.timing.realtime-priority = {RealtimePriority} is outside 0..99");
        }

        if (!(SoftwarePwmFrequency is > 0 and <= 1_000_000))
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.timing.software-pwm-frequency = {SoftwarePwmFrequency} is outside (0, 1000000] Hz");
        }

        if (FadeStep < TimeSpan.Zero)
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.timing.fade-step = {FadeStep} is negative");
        }
    }
}

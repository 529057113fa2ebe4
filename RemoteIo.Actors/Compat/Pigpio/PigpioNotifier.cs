using Microsoft.Extensions.Logging;

namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// pigpio's notification machinery for one endpoint, shared by its connections as pigpiod's is:
/// the 32 handles (NOIB, NB, NP, NC, EVM, EVT), the level reports with their keep-alives, the
/// GPIO watchdogs (WDOG) and the glitch and noise filters (FG, FN). It watches the backend for
/// exactly the GPIOs some running handle or watchdog needs. Thread-safe: one lock guards all state,
/// and reports leave through each handle's own queue, so nothing here waits for a socket.
/// </summary>
internal sealed class PigpioNotifier : IPigpioLevelObserver, IDisposable
{
    /// <summary>How many handles pigpio has (PI_NOTIFY_SLOTS).</summary>
    public const int Slots = 32;

    /// <summary>Guards everything below.</summary>
    private readonly Lock _gate = new();

    /// <summary>The open handles by number.</summary>
    private readonly PigpioNotifyHandle?[] _handles = new PigpioNotifyHandle?[Slots];

    /// <summary>Watchdogs by GPIO.</summary>
    private readonly PigpioWatchdog?[] _watchdogs = new PigpioWatchdog?[Slots];

    /// <summary>Glitch filters by GPIO.</summary>
    private readonly PigpioGlitchFilter?[] _glitchFilters = new PigpioGlitchFilter?[Slots];

    /// <summary>Noise filters by GPIO.</summary>
    private readonly PigpioNoiseFilter?[] _noiseFilters = new PigpioNoiseFilter?[Slots];

    /// <summary>The board watched.</summary>
    private readonly IPigpioBackend _backend;

    /// <summary>Keep-alive interval and queue size.</summary>
    private readonly PigpioOptions _options;

    /// <summary>The clock for keep-alives, watchdogs and glitch filters.</summary>
    private readonly TimeProvider _time;

    /// <summary>Where dropped reports and pump failures are logged.</summary>
    private readonly ILogger _logger;

    /// <summary>The backend watch, created when first needed.</summary>
    private IPigpioLevelWatch? _watch;

    /// <summary>The GPIOs the watch covers.</summary>
    private uint _watchedMask;

    /// <summary>The raw levels last seen from the backend.</summary>
    private uint _rawLevels;

    /// <summary>The levels after filtering, as last reported.</summary>
    private uint _reportedLevels;

    /// <summary>GPIOs a change event has updated since the last bank refresh began, so an older refresh does not overwrite them.</summary>
    private uint _freshBits;

    /// <summary>GPIOs with a glitch filter.</summary>
    private uint _glitchBits;

    /// <summary>GPIOs with a noise filter.</summary>
    private uint _noiseBits;

    /// <summary>Set once disposed: no more reports or timers.</summary>
    private bool _disposed;

    /// <summary>Creates the notifier; it watches nothing until a handle or watchdog needs it.</summary>
    public PigpioNotifier(IPigpioBackend backend, PigpioOptions options, TimeProvider time, ILogger logger)
    {
        _backend = backend;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Opens a handle whose reports go to <paramref name="sink"/> (NOIB).</summary>
    /// <returns>The handle, or PI_NO_HANDLE when all 32 are open.</returns>
    public int Open(IPigpioReportSink sink)
    {
        lock (_gate)
        {
            var slot = Array.IndexOf(_handles, null);
            if (slot < 0 || _disposed)
            {
                return (int)PigpioError.NoHandle;
            }

            var handle = new PigpioNotifyHandle(slot, sink, _options.NotificationQueueCapacity, _time.GetTimestamp());
            handle.AliveTimer = _time.CreateTimer(OnAliveTimer, handle, _options.AliveInterval, Timeout.InfiniteTimeSpan);
            _handles[slot] = handle;
            return slot;
        }
    }

    /// <summary>Starts sending a handle's reports; called once its NOIB reply is on the wire.</summary>
    /// <param name="handle">A handle <see cref="Open"/> returned.</param>
    public void StartSending(int handle)
    {
        lock (_gate)
        {
            _handles[handle]?.StartPump(_logger);
        }
    }

    /// <summary>Starts reporting level changes of <paramref name="bits"/> on a handle (NB); refreshes the levels from the board first.</summary>
    /// <returns>0, or PI_BAD_HANDLE.</returns>
    public async ValueTask<int> BeginAsync(uint handle, uint bits, CancellationToken cancellationToken)
    {
        IPigpioLevelWatch? watch;
        lock (_gate)
        {
            if (Find(handle) is not { } open)
            {
                return (int)PigpioError.BadHandle;
            }

            open.Bits = bits;
            open.State = PigpioNotifyState.Running;
            UpdateWatch();
            watch = _watch;
        }

        // The reply tells the client its changes are reported from now on (it drives the GPIO
        // next), so it waits until the backend watches every GPIO asked for.
        await WhenWatchingAsync(watch, cancellationToken);
        await RefreshLevelsAsync(cancellationToken);
        return 0;
    }

    /// <summary>Pauses a handle (NP): no level changes or watchdogs until the next NB.</summary>
    /// <returns>0, or PI_BAD_HANDLE.</returns>
    public int Pause(uint handle)
    {
        lock (_gate)
        {
            if (Find(handle) is not { } open)
            {
                return (int)PigpioError.BadHandle;
            }

            open.Bits = 0;
            open.State = PigpioNotifyState.Paused;
            UpdateWatch();
            return 0;
        }
    }

    /// <summary>Closes a handle (NC): its queued reports are still sent, then nothing more.</summary>
    /// <returns>0, or PI_BAD_HANDLE.</returns>
    public int Close(uint handle)
    {
        lock (_gate)
        {
            if (Find(handle) is not { } open)
            {
                return (int)PigpioError.BadHandle;
            }

            Remove(open);
            UpdateWatch();
            return 0;
        }
    }

    /// <summary>Closes every handle of a connection that ended (pigpio's orphaned notifications).</summary>
    /// <param name="sink">The connection.</param>
    /// <returns>Completes when the handles' pumps have stopped writing to the connection.</returns>
    public Task CloseAll(IPigpioReportSink sink)
    {
        var pumps = new List<Task>();
        lock (_gate)
        {
            foreach (var handle in _handles)
            {
                if (handle is not null && handle.SendsTo(sink))
                {
                    Remove(handle);
                    pumps.Add(handle.Pump);
                }
            }

            UpdateWatch();
        }

        return Task.WhenAll(pumps);
    }

    /// <summary>Reads the bank-0 levels from the board, so reports carry the real levels of GPIOs no event has told of yet.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async ValueTask RefreshLevelsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _freshBits = 0;
        }

        var levels = await _backend.ReadBankAsync(0, cancellationToken);
        lock (_gate)
        {
            // Events that arrived while the bank was read are newer than the read.
            var stale = ~(_freshBits | _glitchBits | _noiseBits);
            _rawLevels = (_rawLevels & _freshBits) | (levels & ~_freshBits);
            _reportedLevels = (_reportedLevels & ~stale) | (levels & stale);
        }
    }

    /// <summary>Chooses the events a handle reports (EVM).</summary>
    /// <returns>0, or PI_BAD_HANDLE.</returns>
    public int MonitorEvents(uint handle, uint events)
    {
        lock (_gate)
        {
            if (Find(handle) is not { } open)
            {
                return (int)PigpioError.BadHandle;
            }

            open.EventBits = events;
            return 0;
        }
    }

    /// <summary>Triggers an event (EVT): every handle monitoring it gets an event report.</summary>
    /// <returns>0, or PI_BAD_EVENT_ID.</returns>
    public int TriggerEvent(uint eventNumber)
    {
        if (eventNumber > 31)
        {
            return (int)PigpioError.BadEventId;
        }

        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var tick = _backend.Tick;
            foreach (var handle in _handles)
            {
                if (handle is not null && (handle.EventBits & (1u << (int)eventNumber)) != 0)
                {
                    Emit(handle, (ushort)(PigpioNotifyFlags.Event | eventNumber), tick, _reportedLevels, now);
                }
            }

            return 0;
        }
    }

    /// <summary>Sets (or with 0 clears) the watchdog of a GPIO (WDOG); the arguments are already checked.</summary>
    /// <param name="gpio">0-31.</param>
    /// <param name="milliseconds">0-60000.</param>
    /// <param name="cancellationToken">Stops waiting for the backend's watch.</param>
    /// <returns>Completes once the GPIO is watched, so a change after the reply restarts the watchdog (as NB).</returns>
    public async ValueTask SetWatchdogAsync(int gpio, uint milliseconds, CancellationToken cancellationToken)
    {
        IPigpioLevelWatch? watch;
        lock (_gate)
        {
            _watchdogs[gpio]?.Timer?.Dispose();
            _watchdogs[gpio] = null;
            if (milliseconds > 0 && !_disposed)
            {
                var watchdog = new PigpioWatchdog(gpio, TimeSpan.FromMilliseconds(milliseconds)) { LastActivity = _time.GetTimestamp() };
                watchdog.Timer = _time.CreateTimer(OnWatchdogTimer, watchdog, watchdog.Timeout, Timeout.InfiniteTimeSpan);
                _watchdogs[gpio] = watchdog;
            }

            UpdateWatch();
            watch = _watch;
        }

        await WhenWatchingAsync(watch, cancellationToken);
    }

    /// <summary>Sets (or with 0 clears) the glitch filter of a GPIO (FG); the arguments are already checked.</summary>
    /// <param name="gpio">0-31.</param>
    /// <param name="steadyMicroseconds">0-300000.</param>
    public void SetGlitchFilter(int gpio, uint steadyMicroseconds)
    {
        lock (_gate)
        {
            _glitchFilters[gpio]?.Timer?.Dispose();
            _glitchFilters[gpio] = null;
            var bit = 1u << gpio;
            _glitchBits &= ~bit;
            if (steadyMicroseconds > 0 && !_disposed)
            {
                var filter = new PigpioGlitchFilter(gpio, steadyMicroseconds);
                filter.Timer = _time.CreateTimer(OnGlitchTimer, filter, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _glitchFilters[gpio] = filter;
                _glitchBits |= bit;
            }

            ReleaseFilteredLevel(bit);
        }
    }

    /// <summary>Sets (or with steady 0 clears) the noise filter of a GPIO (FN); the arguments are already checked.</summary>
    /// <param name="gpio">0-31.</param>
    /// <param name="steadyMicroseconds">0-300000.</param>
    /// <param name="activeMicroseconds">0-1000000.</param>
    public void SetNoiseFilter(int gpio, uint steadyMicroseconds, uint activeMicroseconds)
    {
        lock (_gate)
        {
            var bit = 1u << gpio;
            _noiseFilters[gpio] = steadyMicroseconds > 0 ? new PigpioNoiseFilter(gpio, steadyMicroseconds, activeMicroseconds, _backend.Tick) : null;
            _noiseBits = steadyMicroseconds > 0 ? _noiseBits | bit : _noiseBits & ~bit;
            ReleaseFilteredLevel(bit);
        }
    }

    /// <inheritdoc />
    public void OnLevelsChanged(uint tick, uint levels)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var changed = (levels ^ _rawLevels) & _watchedMask;
            _rawLevels = levels;
            _freshBits |= changed;
            var filtered = _glitchBits | _noiseBits;
            var next = (_reportedLevels & filtered) | (levels & ~filtered);
            if (changed != 0)
            {
                var now = _time.GetTimestamp();
                for (var bits = changed; bits != 0; bits &= bits - 1)
                {
                    var gpio = System.Numerics.BitOperations.TrailingZeroCount(bits);
                    next = ApplyFilters(gpio, tick, levels, next, now);
                }
            }

            EmitLevels(tick, next);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var handle in _handles)
            {
                if (handle is not null)
                {
                    Remove(handle);
                }
            }

            foreach (var watchdog in _watchdogs)
            {
                watchdog?.Timer?.Dispose();
            }

            foreach (var filter in _glitchFilters)
            {
                filter?.Timer?.Dispose();
            }

            _watch?.Dispose();
            _watch = null;
        }
    }

    /// <summary>Feeds one GPIO's raw change through its watchdog and filters; returns the next reported levels.</summary>
    private uint ApplyFilters(int gpio, uint tick, uint levels, uint next, long now)
    {
        var bit = 1u << gpio;
        _watchdogs[gpio]?.LastActivity = now;
        if (_glitchFilters[gpio] is { } glitch)
        {
            // The new level is reported only if it holds for the steady time.
            glitch.ChangeTick = tick;
            glitch.Timer?.Change(TimeSpan.FromMicroseconds(glitch.SteadyMicroseconds), Timeout.InfiniteTimeSpan);
        }

        if (_noiseFilters[gpio] is { } noise && noise.Passes(tick))
        {
            next = (next & ~bit) | (levels & bit);
        }

        return next;
    }

    /// <summary>Reports <paramref name="next"/> to every running handle whose GPIOs it changes, and makes it the reported level.</summary>
    private void EmitLevels(uint tick, uint next)
    {
        var diff = next ^ _reportedLevels;
        _reportedLevels = next;
        if (diff == 0)
        {
            return;
        }

        var now = _time.GetTimestamp();
        foreach (var handle in _handles)
        {
            if (handle is { State: PigpioNotifyState.Running } && (handle.Bits & diff) != 0)
            {
                Emit(handle, 0, tick, next, now);
            }
        }
    }

    /// <summary>After a filter change the GPIO's reported level follows its raw level again (reporting the difference).</summary>
    private void ReleaseFilteredLevel(uint bit)
    {
        if (((_glitchBits | _noiseBits) & bit) == 0 && ((_rawLevels ^ _reportedLevels) & bit) != 0)
        {
            EmitLevels(_backend.Tick, _reportedLevels ^ bit);
        }
    }

    /// <summary>Queues one report on a handle, logging the first drop for a slow reader.</summary>
    private void Emit(PigpioNotifyHandle handle, ushort flags, uint tick, uint levels, long now)
    {
        if (!handle.Emit(flags, tick, levels, now) && handle.Dropped == 1)
        {
            _logger.NotifyDropping(handle.Number);
        }
    }

    /// <summary>Waits until <paramref name="watch"/> (taken under the lock, if any) watches every GPIO asked of it.</summary>
    private static ValueTask WhenWatchingAsync(IPigpioLevelWatch? watch, CancellationToken cancellationToken) =>
        watch?.WhenWatchingAsync(cancellationToken) ?? ValueTask.CompletedTask;

    /// <summary>The open handle <paramref name="handle"/>, or null.</summary>
    private PigpioNotifyHandle? Find(uint handle) => handle < Slots ? _handles[handle] : null;

    /// <summary>Frees a handle's slot and completes it.</summary>
    private void Remove(PigpioNotifyHandle handle)
    {
        _handles[handle.Number] = null;
        handle.Complete();
    }

    /// <summary>Points the backend watch at the GPIOs running handles and watchdogs need.</summary>
    private void UpdateWatch()
    {
        var mask = 0u;
        foreach (var handle in _handles)
        {
            if (handle is { State: PigpioNotifyState.Running })
            {
                mask |= handle.Bits;
            }
        }

        foreach (var watchdog in _watchdogs)
        {
            if (watchdog is not null)
            {
                mask |= 1u << watchdog.Gpio;
            }
        }

        if (mask == _watchedMask || _disposed)
        {
            return;
        }

        _watch ??= _backend.WatchLevels(this);
        _watch.SetMask(mask);
        _watchedMask = mask;
    }

    /// <summary>A handle's keep-alive check: after the interval without reports it sends PI_NTFY_FLAGS_ALIVE.</summary>
    private void OnAliveTimer(object? state)
    {
        var handle = (PigpioNotifyHandle)state!;
        lock (_gate)
        {
            if (_disposed || _handles[handle.Number] != handle)
            {
                return;
            }

            var silence = _time.GetElapsedTime(handle.LastReportTimestamp);
            if (silence >= _options.AliveInterval)
            {
                Emit(handle, PigpioNotifyFlags.Alive, _backend.Tick, _reportedLevels, _time.GetTimestamp());
                silence = TimeSpan.Zero;
            }

            handle.AliveTimer?.Change(_options.AliveInterval - silence, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>A watchdog's check: after its timeout without a change it reports PI_NTFY_FLAGS_WDOG to running handles with the GPIO.</summary>
    private void OnWatchdogTimer(object? state)
    {
        var watchdog = (PigpioWatchdog)state!;
        lock (_gate)
        {
            if (_disposed || _watchdogs[watchdog.Gpio] != watchdog)
            {
                return;
            }

            var quiet = _time.GetElapsedTime(watchdog.LastActivity);
            if (quiet >= watchdog.Timeout)
            {
                var now = _time.GetTimestamp();
                var tick = _backend.Tick;
                foreach (var handle in _handles)
                {
                    if (handle is { State: PigpioNotifyState.Running } && (handle.Bits & (1u << watchdog.Gpio)) != 0)
                    {
                        Emit(handle, (ushort)(PigpioNotifyFlags.Watchdog | watchdog.Gpio), tick, _reportedLevels, now);
                    }
                }

                watchdog.LastActivity = now;
                quiet = TimeSpan.Zero;
            }

            watchdog.Timer?.Change(watchdog.Timeout - quiet, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>A glitch filter's check: the raw level held for the steady time, so it is reported.</summary>
    private void OnGlitchTimer(object? state)
    {
        var filter = (PigpioGlitchFilter)state!;
        lock (_gate)
        {
            var bit = 1u << filter.Gpio;
            if (_disposed || _glitchFilters[filter.Gpio] != filter || ((_rawLevels ^ _reportedLevels) & bit) == 0)
            {
                return;
            }

            EmitLevels(filter.ChangeTick + filter.SteadyMicroseconds, _reportedLevels ^ bit);
        }
    }
}

using System.Runtime.InteropServices;
using RemoteIo.Actors.Gpio.Interop;

namespace RemoteIo.Actors.Gpio.Linux;

/// <summary>
/// The thread that reads edge events from line-request descriptors and line-info changes from the
/// chip descriptor: <c>ppoll</c> over all of them plus an eventfd to wake it, then <c>read</c> of
/// the ready ones — never a blocking read on a descriptor that has nothing. Buffers are allocated
/// once; reading and delivering an event allocates nothing.
/// </summary>
/// <remarks>
/// <para>
/// A descriptor is only closed once the thread no longer polls it: <see cref="Remove"/> waits for
/// the thread to acknowledge the new poll set, and on the thread itself (a listener releasing a
/// line) the handle is marked <see cref="LineRequestHandle.Closed"/> first, which the delivery loop
/// checks, and the set is rebuilt before the next <c>ppoll</c>. So a number the kernel reuses for a
/// new descriptor is never read by mistake.
/// </para>
/// <para>
/// A descriptor the kernel hangs up on (its chip was removed: POLLHUP/POLLERR, or a read failing
/// with ENODEV) is dropped from the poll set at once — the chip descriptor of line-info watches as
/// much as line requests — because <c>ppoll</c> would otherwise report it ready forever and spin a
/// core.
/// </para>
/// </remarks>
internal sealed class ChardevEventReader : IDisposable
{
    /// <summary>Edge events read per call: the kernel's default buffer holds 16 per line.</summary>
    private const int EventsPerRead = 16;

    /// <summary>Guards the source list and versions; also the monitor for acknowledgements.</summary>
    private readonly object _gate = new();

    /// <summary>The driver events are delivered to.</summary>
    private readonly ChardevGpioDriver _driver;

    /// <summary>The chip descriptor, polled while line info is watched.</summary>
    private readonly int _chipFd;

    /// <summary>The eventfd that wakes the thread.</summary>
    private readonly int _wakeFd;

    /// <summary>The requests with edge detection.</summary>
    private readonly List<LineRequestHandle> _requests = [];

    /// <summary>Bumped on every change to the sources.</summary>
    private int _version;

    /// <summary>The version the thread polls with.</summary>
    private int _acknowledged = -1;

    /// <summary>How many lines are watched (the chip descriptor is polled while non-zero).</summary>
    private int _watchCount;

    /// <summary>Set once the kernel hung up on the chip descriptor (the chip was removed): it is no longer polled.</summary>
    private bool _chipGone;

    /// <summary>The thread's Linux thread id (0 until it runs), for diagnostics and the real-kernel tests.</summary>
    private int _nativeThreadId;

    /// <summary>Set to stop the thread.</summary>
    private bool _stopping;

    /// <summary>The thread, started with the first source.</summary>
    private Thread? _thread;

    /// <summary>Creates the reader (the thread starts with the first source).</summary>
    /// <param name="driver">The driver.</param>
    /// <param name="chipFd">The chip descriptor.</param>
    public ChardevEventReader(ChardevGpioDriver driver, int chipFd)
    {
        _driver = driver;
        _chipFd = chipFd;
        _wakeFd = Libc.EventFd(0, Libc.EfdCloExec | Libc.EfdNonBlock);
        if (_wakeFd < 0)
        {
            throw Errno.ToException(Errno.Last, "creating the event reader's eventfd");
        }
    }

    /// <summary>The Linux thread id of the reader thread (as in <c>/proc/self/task</c>); 0 before it started.</summary>
    public int NativeThreadId => Volatile.Read(ref _nativeThreadId);

    /// <summary>Starts polling a request for edge events.</summary>
    /// <param name="request">The request.</param>
    public void Add(LineRequestHandle request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            _version++;
            EnsureThread();
        }

        Wake();
    }

    /// <summary>
    /// Stops polling a request; returns once the thread no longer polls it, so its descriptor may
    /// be closed. On the reader thread itself (a listener releasing a line) it returns at once: the
    /// caller marks the handle <see cref="LineRequestHandle.Closed"/> before closing, the delivery
    /// loop skips closed handles and rebuilds its poll set before it polls again.
    /// </summary>
    /// <param name="request">The request.</param>
    public void Remove(LineRequestHandle request)
    {
        int version;
        lock (_gate)
        {
            if (!_requests.Remove(request))
            {
                return;
            }

            version = ++_version;
            if (Thread.CurrentThread == _thread)
            {
                return;
            }
        }

        Wake();
        WaitForAcknowledgement(version);
    }

    /// <summary>
    /// Delivers the edge events still queued on a request the thread no longer polls (after
    /// <see cref="Remove"/>), without blocking: a request closed so that its other lines can be
    /// requested anew must not take their pending events with it.
    /// </summary>
    /// <param name="request">A request that is not (or no longer) polled by the thread.</param>
    public unsafe void DeliverPending(LineRequestHandle request)
    {
        var buffer = new byte[EventsPerRead * sizeof(GpioV2LineEvent)];
        var zero = default(Timespec);
        while (!request.Dead)
        {
            var poll = new PollFd { Fd = request.Fd, Events = Libc.PollIn };
            if (Libc.Ppoll(&poll, 1, &zero, null) <= 0 || poll.ReturnedEvents == 0)
            {
                return;
            }

            if (!ReadEdges(request, poll.ReturnedEvents, buffer))
            {
                return;
            }
        }
    }

    /// <summary>Counts a watched line; the chip descriptor is polled while any is watched.</summary>
    /// <param name="delta">+1 or -1.</param>
    public void ChangeWatchCount(int delta)
    {
        int version;
        lock (_gate)
        {
            _watchCount += delta;
            version = ++_version;
            EnsureThread();
        }

        Wake();
        if (Thread.CurrentThread != _thread)
        {
            WaitForAcknowledgement(version);
        }
    }

    /// <summary>Stops the thread and closes the eventfd.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            _stopping = true;
            thread = _thread;
        }

        Wake();
        if (thread is not null && thread != Thread.CurrentThread)
        {
            thread.Join();
        }

        _ = Libc.Close(_wakeFd);
    }

    /// <summary>Starts the thread if it is not running; caller holds the gate.</summary>
    private void EnsureThread()
    {
        if (_thread is not null)
        {
            return;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "remoteio-gpio-events" };
        _thread.Start();
    }

    /// <summary>Wakes the thread out of <c>ppoll</c>.</summary>
    private unsafe void Wake()
    {
        ulong one = 1;
        _ = Libc.Write(_wakeFd, &one, sizeof(ulong));
    }

    /// <summary>Waits until the thread polls with <paramref name="version"/> or later (or has stopped).</summary>
    private void WaitForAcknowledgement(int version)
    {
        lock (_gate)
        {
            while (_acknowledged < version && !_stopping && _thread is { IsAlive: true })
            {
                Monitor.Wait(_gate, 100);
            }
        }
    }

    /// <summary>The thread body.</summary>
    private unsafe void Run()
    {
        var fds = Array.Empty<PollFd>();
        var owners = Array.Empty<LineRequestHandle?>();
        var built = -1;
        var buffer = new byte[Math.Max(EventsPerRead * sizeof(GpioV2LineEvent), 8 * sizeof(GpioV2LineInfoChanged))];
        Volatile.Write(ref _nativeThreadId, Libc.GetTid());
        while (true)
        {
            lock (_gate)
            {
                if (_stopping)
                {
                    _acknowledged = int.MaxValue;
                    Monitor.PulseAll(_gate);
                    return;
                }

                if (built != _version)
                {
                    (fds, owners) = BuildPollSet();
                    built = _version;
                }

                _acknowledged = built;
                Monitor.PulseAll(_gate);
            }

            int ready;
            fixed (PollFd* poll = fds)
            {
                ready = Libc.Ppoll(poll, (nuint)fds.Length, null, null);
            }

            if (ready < 0)
            {
                if (Errno.Last != Libc.EINTR)
                {
                    Thread.Sleep(10); // A persistent poll error would otherwise spin a core.
                }

                continue;
            }

            for (var i = 0; i < fds.Length && ready > 0; i++)
            {
                var events = fds[i].ReturnedEvents;
                if (events == 0)
                {
                    continue;
                }

                ready--;
                fds[i].ReturnedEvents = 0;
                if (i == 0)
                {
                    Drain(_wakeFd);
                }
                else if (owners[i] is { } request)
                {
                    _ = ReadEdges(request, events, buffer);
                }
                else
                {
                    ReadInfoChanges(events, buffer);
                }
            }
        }
    }

    /// <summary>The descriptors to poll: the eventfd first, then the chip (when watching), then the requests.</summary>
    private (PollFd[] Fds, LineRequestHandle?[] Owners) BuildPollSet()
    {
        var live = _requests.Where(r => !r.Dead).ToList();
        var pollChip = _watchCount > 0 && !_chipGone;
        var count = 1 + (pollChip ? 1 : 0) + live.Count;
        var fds = new PollFd[count];
        var owners = new LineRequestHandle?[count];
        var next = 0;
        fds[next++] = new PollFd { Fd = _wakeFd, Events = Libc.PollIn };
        if (pollChip)
        {
            fds[next++] = new PollFd { Fd = _chipFd, Events = Libc.PollIn };
        }

        foreach (var request in live)
        {
            owners[next] = request;
            fds[next++] = new PollFd { Fd = request.Fd, Events = Libc.PollIn };
        }

        return (fds, owners);
    }

    /// <summary>Reads the edge events waiting on a request and delivers them in order.</summary>
    /// <returns>False when nothing could be read: the request is closed, or the kernel hung up on it (then it is marked dead and dropped from the poll set).</returns>
    private unsafe bool ReadEdges(LineRequestHandle request, short events, byte[] buffer)
    {
        if (request.Closed)
        {
            return false; // Released from a listener during this round: its descriptor is gone.
        }

        nint read = -1;
        if ((events & Libc.PollIn) != 0)
        {
            fixed (byte* data = buffer)
            {
                read = Libc.Read(request.Fd, data, (nuint)buffer.Length);
            }
        }

        if (read < 0)
        {
            if ((events & Libc.PollIn) != 0 && Errno.Last is Libc.EINTR or Libc.EAGAIN)
            {
                return true;
            }

            // Hang-up or error without data, or a failing read (ENODEV): the chip is gone. Stop
            // polling it; the owner closes it on release.
            request.Dead = true;
            BumpVersion();
            return false;
        }

        for (var offset = 0; offset + sizeof(GpioV2LineEvent) <= read; offset += sizeof(GpioV2LineEvent))
        {
            _driver.DeliverEdge(request, MemoryMarshal.Read<GpioV2LineEvent>(buffer.AsSpan(offset)));
        }

        return read > 0;
    }

    /// <summary>Reads the line-info changes waiting on the chip descriptor and delivers them.</summary>
    private unsafe void ReadInfoChanges(short events, byte[] buffer)
    {
        nint read = -1;
        if ((events & Libc.PollIn) != 0)
        {
            fixed (byte* data = buffer)
            {
                read = Libc.Read(_chipFd, data, (nuint)buffer.Length);
            }
        }

        if (read < 0)
        {
            if ((events & Libc.PollIn) != 0 && Errno.Last is Libc.EINTR or Libc.EAGAIN)
            {
                return;
            }

            // POLLHUP/POLLERR without data, or a failing read: the chip was removed. Left in the
            // poll set it would be reported ready by every ppoll, and the thread would spin.
            lock (_gate)
            {
                _chipGone = true;
                _version++;
            }

            return;
        }

        for (var offset = 0; offset + sizeof(GpioV2LineInfoChanged) <= read; offset += sizeof(GpioV2LineInfoChanged))
        {
            _driver.DeliverInfoChange(MemoryMarshal.Read<GpioV2LineInfoChanged>(buffer.AsSpan(offset)));
        }
    }

    /// <summary>Makes the thread rebuild its poll set at the top of its next round.</summary>
    private void BumpVersion()
    {
        lock (_gate)
        {
            _version++;
        }
    }

    /// <summary>Empties the eventfd counter.</summary>
    private static unsafe void Drain(int fd)
    {
        ulong value;
        _ = Libc.Read(fd, &value, sizeof(ulong));
    }
}

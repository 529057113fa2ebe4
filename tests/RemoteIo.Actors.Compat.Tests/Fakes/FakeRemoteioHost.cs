using System.Net;
using RemoteIo.Actors.Compat.RemoteioText;

namespace RemoteIo.Actors.Compat.Tests.Fakes;

/// <summary>
/// An in-memory host for the remoteio engine: resolves b/g numbering on a 40-pin header, claims pins
/// exclusively per session (busy across sessions, duplicate within one), remembers closed pins, and
/// logs every accepted command. It does not run commands in time (wait/nowait is the Pins layer's).
/// </summary>
public sealed class FakeRemoteioHost : IRemoteioBackend
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, int> _owners = [];
    private readonly List<FakeRemoteioEntry> _log = [];
    private int _nextSession;

    public int SessionsClosed { get; private set; }

    public IReadOnlyList<FakeRemoteioEntry> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    public IRemoteioSession OpenSession(IPEndPoint? client) => new FakeRemoteioSession(this, Interlocked.Increment(ref _nextSession));

    public int OwnerOf(int gpio)
    {
        lock (_gate)
        {
            return _owners.GetValueOrDefault(gpio);
        }
    }

    internal RemoteioOutcome Claim(int session, int gpio, RemoteioPin pin)
    {
        lock (_gate)
        {
            if (_owners.TryGetValue(gpio, out var owner) && owner != session)
            {
                return RemoteioOutcome.Refused(RemoteioOutcomeKind.Busy, $"GPIO {gpio} (board pin {FakeHeader.BoardOf(gpio)}) is busy: claimed by another session");
            }

            _owners[gpio] = session;
            _log.Add(new FakeRemoteioEntry(session, gpio, "create", TimeSpan.Zero, 0, 0));
            return RemoteioOutcome.Accepted;
        }
    }

    internal void Record(int session, int gpio, RemoteioRequest request)
    {
        lock (_gate)
        {
            _log.Add(new FakeRemoteioEntry(session, gpio, RemoteioCommandName(request.Command), request.Duration, request.Arg1, request.Arg2));
        }
    }

    internal void Release(int session, int gpio)
    {
        lock (_gate)
        {
            if (_owners.GetValueOrDefault(gpio) == session)
            {
                _owners.Remove(gpio);
            }
        }
    }

    internal void SessionEnded()
    {
        lock (_gate)
        {
            SessionsClosed++;
        }
    }

    private static string RemoteioCommandName(RemoteioCommand command) => command.ToString().ToLowerInvariant();
}

using RemoteIo.Actors.Compat.RemoteioText;

namespace RemoteIo.Actors.Compat.Tests.Fakes;

/// <summary>A remoteio session on the fake host.</summary>
internal sealed class FakeRemoteioSession(FakeRemoteioHost host, int id) : IRemoteioSession
{
    /// <summary>GPIO → open (true) or closed (false).</summary>
    private readonly Dictionary<int, bool> _pins = [];
    private int _closed;

    public ValueTask<RemoteioOutcome> CreateAsync(RemoteioPin pin, CancellationToken cancellationToken)
    {
        if (!FakeHeader.TryResolve(pin, out var gpio, out var error))
        {
            return new(RemoteioOutcome.Refused(RemoteioOutcomeKind.NotAGpio, error!));
        }

        if (_pins.TryGetValue(gpio, out var open) && open)
        {
            return new(RemoteioOutcome.Refused(RemoteioOutcomeKind.Duplicate, $"GPIO {gpio} (board pin {FakeHeader.BoardOf(gpio)}) is already created on this connection"));
        }

        var outcome = host.Claim(id, gpio, pin);
        if (outcome.IsAccepted)
        {
            _pins[gpio] = true;
        }

        return new(outcome);
    }

    public ValueTask<RemoteioOutcome> SubmitAsync(RemoteioRequest request, CancellationToken cancellationToken)
    {
        if (!FakeHeader.TryResolve(request.Pin, out var gpio, out _) || !_pins.TryGetValue(gpio, out var open))
        {
            return new(RemoteioOutcome.Refused(RemoteioOutcomeKind.NotCreated, "not created"));
        }

        if (!open)
        {
            return new(RemoteioOutcome.Refused(RemoteioOutcomeKind.Closed, "pin closed"));
        }

        host.Record(id, gpio, request);
        if (request.Command == RemoteioCommand.Close)
        {
            _pins[gpio] = false;
            host.Release(id, gpio);
        }

        return new(RemoteioOutcome.Accepted);
    }

    public ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            throw new InvalidOperationException("CloseAsync called twice");
        }

        foreach (var (gpio, _) in _pins)
        {
            host.Release(id, gpio);
        }

        host.SessionEnded();
        return ValueTask.CompletedTask;
    }
}

namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// One connection's session and the GPIOs it changed, so that when it ends pigpio's bookkeeping for
/// those GPIOs is forgotten along with the claim (the pins go to their safe state).
/// </summary>
internal sealed class PigpioSessionScope(IPigpioSession session, PigpioGpioTable gpios)
{
    /// <summary>GPIOs this session changed successfully (bit n = GPIO n).</summary>
    private ulong _changed;

    /// <summary>The backend session.</summary>
    public IPigpioSession Session => session;

    /// <summary>Turns a backend status into pigpio's result, remembering a successful change of <paramref name="gpio"/>.</summary>
    /// <param name="gpio">The GPIO changed.</param>
    /// <param name="status">What the backend said.</param>
    /// <param name="notAvailable">The error for <see cref="PigpioStatus.NotAvailable"/>.</param>
    /// <returns>0 or an error code.</returns>
    public int Record(int gpio, PigpioStatus status, PigpioError notAvailable = PigpioError.NotPermitted)
    {
        if (status == PigpioStatus.Ok)
        {
            _changed |= 1UL << gpio;
        }

        return Result(status, notAvailable);
    }

    /// <summary>Turns a backend status into pigpio's result, remembering a successful change of every GPIO in <paramref name="gpios"/>.</summary>
    /// <param name="gpios">The GPIOs changed (bit n = GPIO n).</param>
    /// <param name="status">What the backend said.</param>
    /// <returns>0 or an error code.</returns>
    public int RecordAll(ulong gpios, PigpioStatus status)
    {
        if (status == PigpioStatus.Ok)
        {
            _changed |= gpios;
        }

        return Result(status);
    }

    /// <summary>pigpio's answer for a backend status.</summary>
    /// <param name="status">What the backend said.</param>
    /// <param name="notAvailable">The error for <see cref="PigpioStatus.NotAvailable"/>.</param>
    public static int Result(PigpioStatus status, PigpioError notAvailable = PigpioError.NotPermitted) => status switch
    {
        PigpioStatus.Ok => 0,
        PigpioStatus.InUse => (int)PigpioError.GpioInUse,
        PigpioStatus.NotAvailable => (int)notAvailable,
        PigpioStatus.ShuttingDown => (int)PigpioError.NotInitialised,
        _ => (int)PigpioError.NotPermitted,
    };

    /// <summary>Forgets the bookkeeping of every GPIO this session changed, then closes the session (releasing them).</summary>
    /// <param name="cancellationToken">Cancels waiting for the release.</param>
    public async ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        for (var bits = _changed; bits != 0; bits &= bits - 1)
        {
            gpios.Reset(System.Numerics.BitOperations.TrailingZeroCount(bits));
        }

        _changed = 0;
        await session.CloseAsync(cancellationToken);
    }
}

namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// Lets a thread that hands messages into the actor system from outside it (a remoting link's
/// read loop) run the first turns itself when they land on an idle dedicated-thread dispatcher,
/// instead of waking one of that dispatcher's sleeping threads. Waking a thread costs about 9 µs on
/// a VM, the largest single stage of a command's loopback round trip; the caller is awake anyway.
/// </summary>
/// <remarks>
/// Only work that finds every thread of the dispatcher asleep and its queue empty is taken, so a
/// dispatcher with work in hand (a busy host) behaves as without the offer, and the caller runs at
/// most <see cref="MaxRuns"/> mailbox turns (it has its own frames to read) before it wakes a
/// dedicated thread for whatever is left. While it runs them the caller counts as one of the
/// dispatcher's threads, so the actors it runs hand on to each other without waking anyone either
/// (a command's supervisor turn, then its pin's). One actor still runs on one thread at a time: the
/// mailbox's scheduling is unchanged; only which thread takes it is.
/// </remarks>
public static class CallerRuns
{
    /// <summary>Mailbox turns a caller runs at most per offer.</summary>
    public const int MaxRuns = 4;

    /// <summary>True between <see cref="Begin"/> and <see cref="End"/> on this thread.</summary>
    [ThreadStatic]
    private static bool t_offered;

    /// <summary>The dispatcher whose work this thread took on during the current offer.</summary>
    [ThreadStatic]
    private static DedicatedThreadDispatcher? t_owed;

    /// <summary>Offers this thread for the work the next deliveries schedule; call <see cref="End"/> after them (in a finally).</summary>
    public static void Begin() => t_offered = true;

    /// <summary>Ends the offer and runs the work this thread took on, if any.</summary>
    public static void End()
    {
        t_offered = false;
        var owed = t_owed;
        if (owed is not null)
        {
            t_owed = null;
            owed.RunOnCaller(MaxRuns);
        }
    }

    /// <summary>Takes on <paramref name="dispatcher"/>'s next run when this thread offered itself and owes no other dispatcher.</summary>
    /// <param name="dispatcher">An idle dispatcher about to be handed work.</param>
    /// <returns>True when this thread will run it (the dispatcher must then not wake a thread for it).</returns>
    internal static bool TryTakeOn(DedicatedThreadDispatcher dispatcher)
    {
        if (!t_offered || (t_owed is not null && t_owed != dispatcher))
        {
            return false;
        }

        t_owed = dispatcher;
        return true;
    }
}

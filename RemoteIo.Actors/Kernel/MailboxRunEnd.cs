namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Lets infrastructure defer work to the end of the mailbox run the calling thread is in: a run
/// processes up to <c>throughput</c> messages of one actor, so whatever those messages produced can
/// be handled once, together, when the run ends. Remoting uses it to write everything an actor
/// sent to one peer in its run with one flush, on the actor's own thread, instead of waking a writer
/// thread per message (a wake-up is about 10 µs on an idle VM) or making a system call per message.
/// </summary>
public static class MailboxRunEnd
{
    /// <summary>The work deferred by the thread's current run, in order (no duplicates).</summary>
    [ThreadStatic]
    private static List<IMailboxRunEndWork>? t_pending;

    /// <summary>
    /// Defers <paramref name="work"/> to the end of the current mailbox run (once, however often it
    /// is deferred in that run). False when the calling thread is not running an actor: the caller
    /// then does the work itself, now.
    /// </summary>
    /// <param name="work">The work.</param>
    /// <returns>True when deferred.</returns>
    public static bool TryDefer(IMailboxRunEndWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (ActorCell.Current is null)
        {
            return false;
        }

        var pending = t_pending ??= new List<IMailboxRunEndWork>(4);
        foreach (var queued in pending)
        {
            if (ReferenceEquals(queued, work))
            {
                return true;
            }
        }

        pending.Add(work);
        return true;
    }

    /// <summary>Runs the deferred work of the run that just ended (called by the mailbox outside any actor).</summary>
    /// <param name="cell">The actor whose run ended, for reporting a failing work item.</param>
    internal static void RunPending(ActorCell cell)
    {
        var pending = t_pending;
        if (pending is null || pending.Count == 0)
        {
            return;
        }

        // Work may defer nothing new (no actor is current), so the list is stable while it runs.
        for (var i = 0; i < pending.Count; i++)
        {
            try
            {
                pending[i].OnMailboxRunEnd();
            }
            catch (Exception e)
            {
                cell.ReportKernelFault(e);
            }
        }

        pending.Clear();
    }
}

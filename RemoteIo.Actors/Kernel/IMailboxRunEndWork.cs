namespace RemoteIo.Actors.Kernel;

/// <summary>Work deferred with <see cref="MailboxRunEnd.TryDefer"/> to the end of the current mailbox run.</summary>
public interface IMailboxRunEndWork
{
    /// <summary>
    /// Runs on the dispatcher thread right after the mailbox run that deferred it, outside any
    /// actor (so a <c>Tell</c> here is not deferred again). Must be short and must not throw; an
    /// exception is logged as a kernel fault of the actor whose run it followed.
    /// </summary>
    void OnMailboxRunEnd();
}

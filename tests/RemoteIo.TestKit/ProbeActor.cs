using System.Collections.Concurrent;
using RemoteIo.Actors.Kernel;

namespace RemoteIo.TestKit;

/// <summary>The actor behind a <see cref="TestProbe"/>: queues every message with its sender, and watches on request.</summary>
/// <param name="queue">Where received messages go.</param>
internal sealed class ProbeActor(BlockingCollection<Envelope> queue) : ActorBase
{
    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchRequest request:
                if (request.Watch)
                {
                    Context.Watch(request.Subject);
                }
                else
                {
                    Context.Unwatch(request.Subject);
                }

                request.Done.TrySetResult();
                break;
            default:
                queue.Add(new Envelope(message, Sender));
                break;
        }

        return true;
    }
}

/// <summary>Asks a probe's actor to watch or unwatch <paramref name="Subject"/> and to signal <paramref name="Done"/>.</summary>
/// <param name="Subject">The actor to (un)watch.</param>
/// <param name="Watch">True to watch, false to unwatch.</param>
/// <param name="Done">Completed once the request has been applied.</param>
internal sealed record WatchRequest(IActorRef Subject, bool Watch, TaskCompletionSource Done);

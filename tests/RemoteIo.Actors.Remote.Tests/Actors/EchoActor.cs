using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Remote.Tests.Messages;

namespace RemoteIo.Actors.Remote.Tests.Actors;

/// <summary>Answers every Ping with a Pong of the same number, and reports who sent it to an observer.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor(IActorRef? observer = null)
    {
        Receive<Ping>(ping =>
        {
            observer?.Tell(new Seen(ping, Sender, Remoting.AssociationOf(Sender)), Self);
            Sender.Tell(new Pong { Number = ping.Number }, Self);
        });
    }

    /// <summary>What the echo saw: the ping, its sender and the association it came over.</summary>
    public sealed record Seen(Ping Ping, IActorRef Sender, AssociationInfo? Association);
}

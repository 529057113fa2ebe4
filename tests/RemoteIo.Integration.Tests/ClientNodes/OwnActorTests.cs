using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Remote;
using RemoteIo.ClientNode;
using RemoteIo.Integration.Tests.Support;
using RemoteIo.TestKit;

namespace RemoteIo.Integration.Tests.ClientNodes;

/// <summary>
/// The design card's "Akka client nodes": an application's own actor, on its own actor system with
/// remoting, talks to the host's PinSupervisor by its remote path with the typed pins.proto
/// messages — no facade involved.
/// </summary>
public sealed class OwnActorTests : ActorTestKit
{
    public OwnActorTests()
        : base(TimeProvider.System)
    {
    }

    [Fact]
    public async Task OwnActor_ClaimAndImpulseByRemotePath_ReceivesOutcomesAndTheHostDrivesThePin()
    {
        await using var host = await TestHost.StartAsync();
        var remoting = Remoting.Start(Sys, RemoteSettings.Default, RemoteServer.CreateRegistry());
        var hostAddress = await remoting.ConnectAsync(new Address(Address.DefaultProtocol, "remoteio", "127.0.0.1", host.Tcp.Port));
        var pins = Sys.ResolveActorRef($"{hostAddress}/user/pins");
        Assert.IsType<RemoteActorRef>(pins);

        var lamp = Sys.ActorOf(Props.Create(() => new Lamp(pins, TestActor)), "lamp");
        lamp.Tell(new Lamp.Flash(TimeSpan.FromMilliseconds(50)), ActorRefs.NoSender);

        var claimed = ExpectMsg<PinClaimed>(TimeSpan.FromSeconds(10));
        Assert.Equal((4u, 7u), (claimed.Gpio, claimed.Board));
        Assert.Equal(OutcomeKind.Accepted, ExpectMsg<CommandOutcome>(TimeSpan.FromSeconds(10)).Kind);
        var completed = ExpectMsg<CommandOutcome>(TimeSpan.FromSeconds(10));
        Assert.Equal(OutcomeKind.Completed, completed.Kind);
        Assert.Equal(50_000_000, completed.EndedAtNs - completed.StartedAtNs);
        Assert.Equal([PinValue.High, PinValue.Low], host.Chip.Transitions(4).SkipWhile(t => t.Level == PinValue.Low).Select(t => t.Level));
        Assert.Equal(pins.Path.Address, LastSender.Path.Address);
    }

    /// <summary>A user's actor: claims board pin 7 and flashes it, reporting every answer to its owner.</summary>
    private sealed class Lamp : ReceiveActor
    {
        private ulong _nextId;

        public Lamp(IActorRef pins, IActorRef owner)
        {
            Receive<Flash>(flash =>
            {
                pins.Tell(new ClaimPin { RequestId = ++_nextId, Pin = new PinRef { Numbering = Numbering.Board, Number = 7 }, Role = ClaimRole.Output }, Self);
                pins.Tell(new PinCommand { CommandId = ++_nextId, Pin = new PinRef { Numbering = Numbering.Board, Number = 7 }, DurationUs = (ulong)flash.Duration.TotalMicroseconds, On = new On() }, Self);
            });
            Receive<PinClaimed>(claimed => owner.Forward(claimed));
            Receive<CommandOutcome>(outcome => owner.Forward(outcome));
            Receive<RequestRejected>(rejected => owner.Forward(rejected));
        }

        public sealed record Flash(TimeSpan Duration);
    }
}

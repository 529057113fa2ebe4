using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class ReceiveActorTests : ActorTestKit
{
    [Fact]
    public void Receive_SeveralHandlersMatch_FirstDeclaredWins()
    {
        var actor = ActorOf(Props.Create<Matcher>());

        actor.TellAll(TestActor, "short", "a much longer string", 42, 3.5);

        Assert.Equal(["short string", "long string", "int 42", "any 3.5"], ReceiveN(4));
    }

    [Fact]
    public void Receive_NoHandlerMatches_UnhandledMessagePublished()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled, typeof(UnhandledMessage));
        var actor = ActorOf(Props.Create<OnlyStrings>());

        actor.Tell(42, TestActor);

        var message = unhandled.ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, message.Message);
        Assert.Equal(actor, message.Recipient);
        Assert.Equal(TestActor, message.Sender);
    }

    [Fact]
    public void BecomeStacked_ThenUnbecome_ReturnsToPreviousBehaviour()
    {
        var actor = ActorOf(Props.Create<Switcher>());

        actor.TellAll(TestActor, "which", "push", "which", "pop", "which", "pop", "which");

        Assert.Equal(["initial", "stacked", "initial", "initial"], ReceiveN(4));
    }

    [Fact]
    public void Become_ReplacesBehaviour_UnbecomeCannotReturn()
    {
        var actor = ActorOf(Props.Create<Switcher>());

        actor.TellAll(TestActor, "replace", "which", "pop", "which");

        Assert.Equal(["replaced", "replaced"], ReceiveN(2));
    }

    [Fact]
    public void Become_InConstructor_IsTheStartingBehaviour()
    {
        var actor = ActorOf(Props.Create<StartsBusy>());

        actor.TellAll(TestActor, "which", "done", "which");

        Assert.Equal(["busy", "idle"], ReceiveN(2));
    }

    [Fact]
    public void Receive_CalledAfterConstruction_ActorFailsWithClearError()
    {
        var errors = CreateTestProbe();
        Sys.EventStream.Subscribe(errors, typeof(Error));
        var actor = ActorOf(Props.Create<LateReceive>());

        actor.Tell("go", TestActor);

        var error = errors.ExpectMsg<Error>();
        Assert.IsType<InvalidOperationException>(error.Cause);
        Assert.Contains("only be called in the constructor", error.Cause!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UntypedActor_OnReceive_SeesEveryMessage()
    {
        var actor = ActorOf(Props.Create<Untyped>());

        actor.TellAll(TestActor, 1, "two");

        Assert.Equal(["got 1", "got two"], ReceiveN(2));
    }

    [Fact]
    public void Identify_AnyActor_AnswersWithItsReference()
    {
        var actor = ActorOf(Props.Create<OnlyStrings>());

        actor.Tell(new Identify("id-1"), TestActor);

        Assert.Equal(new ActorIdentity("id-1", actor), ExpectMsg<ActorIdentity>());
    }

    [Fact]
    public void PoisonPill_ProcessedInOrder_LaterMessagesDeadLettered()
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));
        var actor = Watch(ActorOf(Props.Create<EchoActor>()));

        actor.TellAll(TestActor, "before", PoisonPill.Instance, "after");

        ExpectMsg("before");
        ExpectTerminated(actor);
        Assert.Equal("after", letters.ExpectMsg<DeadLetter>().Message);
    }

    private sealed class Matcher : ReceiveActor
    {
        public Matcher()
        {
            Receive<string>(s => s.Length < 10, _ => Sender.Tell("short string", Self));
            Receive<string>(_ => Sender.Tell("long string", Self));
            Receive<int>(i => Sender.Tell($"int {i}", Self));
            Receive<int>(_ => Sender.Tell("never", Self));
            ReceiveAny(m => Sender.Tell($"any {m}", Self));
        }
    }

    private sealed class OnlyStrings : ReceiveActor
    {
        public OnlyStrings() => Receive<string>(_ => { });
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher()
        {
            Receive<string>(s => s == "which", _ => Sender.Tell("initial", Self));
            Receive<string>(s => s == "push", _ => BecomeStacked(() =>
            {
                Receive<string>(s => s == "which", _ => Sender.Tell("stacked", Self));
                Receive<string>(s => s == "pop", _ => Context.UnbecomeStacked());
            }));
            Receive<string>(s => s == "replace", _ => Become(() =>
            {
                Receive<string>(s => s == "which", _ => Sender.Tell("replaced", Self));
                Receive<string>(s => s == "pop", _ => Context.UnbecomeStacked());
            }));
            Receive<string>(s => s == "pop", _ => Context.UnbecomeStacked());
        }
    }

    private sealed class StartsBusy : ReceiveActor
    {
        public StartsBusy()
        {
            Receive<string>(s => s == "which", _ => Sender.Tell("idle", Self));
            BecomeStacked(() =>
            {
                Receive<string>(s => s == "which", _ => Sender.Tell("busy", Self));
                Receive<string>(s => s == "done", _ => Context.UnbecomeStacked());
            });
        }
    }

    private sealed class LateReceive : ReceiveActor
    {
        public LateReceive() => Receive<string>(_ => Receive<int>(_ => { }));
    }

    private sealed class Untyped : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell($"got {message}", Self);
    }
}

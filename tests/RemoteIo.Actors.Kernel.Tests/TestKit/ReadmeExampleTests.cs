using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests.TestKit;

/// <summary>The example of tests/RemoteIo.TestKit/README.md, kept compiling and passing.</summary>
public sealed class ReadmeExampleTests : ActorTestKit
{
    [Fact]
    public void Impulse_2000ms_EndsExactlyOnTime()
    {
        var impulse = ActorOf(Props.Create(() => new Impulse(TestActor)));

        impulse.Tell(TimeSpan.FromMilliseconds(2000), TestActor);
        ExpectMsg("on");

        Advance(TimeSpan.FromMilliseconds(1999));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("off");
    }

    private sealed class Impulse : ReceiveActor, IWithTimers
    {
        public Impulse(IActorRef report)
        {
            Receive<TimeSpan>(d =>
            {
                report.Tell("on", Self);
                Timers.StartSingleTimer("end", "off", d);
            });
            Receive<string>(s => report.Tell(s, Self));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }
}

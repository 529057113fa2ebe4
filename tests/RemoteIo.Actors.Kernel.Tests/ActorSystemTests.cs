using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class ActorSystemTests : ActorTestKit
{
    [Theory]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("dots.are.not.allowed")]
    [InlineData("_leading-underscore")]
    [InlineData("naïve")]
    [InlineData("trailing!")]
    public void Create_InvalidName_ArgumentExceptionNamesIt(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => ActorSystem.Create(name));

        Assert.Contains($"[{name}]", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("remoteio")]
    [InlineData("Remote-IO_2")]
    public void IsValidName_AkkaSystemNames_True(string name) => Assert.True(ActorSystem.IsValidName(name));

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("$reserved", "must not start with '$'")]
    [InlineData("a/b", "is invalid")]
    [InlineData("with space", "is invalid")]
    public void ActorOf_InvalidName_InvalidActorNameException(string name, string reason)
    {
        var e = Assert.Throws<InvalidActorNameException>(() => ActorOf(Props.Create<EchoActor>(), name));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActorOf_DuplicateName_InvalidActorNameException()
    {
        ActorOf(Props.Create<EchoActor>(), "twin");

        var e = Assert.Throws<InvalidActorNameException>(() => ActorOf(Props.Create<EchoActor>(), "twin"));

        Assert.Contains("not unique", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActorOf_NoName_GeneratesDistinctDollarNames()
    {
        var a = ActorOf(Props.Create<EchoActor>());
        var b = ActorOf(Props.Create<EchoActor>());

        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Path.Name, b.Path.Name);
    }

    [Fact]
    public async Task Terminate_UserActorTellsSystemActorInPostStop_SystemActorProcessesItBeforeStopping()
    {
        var user = ActorOf(Props.Create(() => new ReportingActor(TestActor, "user")));
        ExpectMsg("user:prestart");

        var terminated = Sys.Terminate();

        ExpectMsg("user:poststop");
        await terminated.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create<EchoActor>()));
        Assert.NotNull(user);
    }

    [Fact]
    public void Create_FromConfig_ReadsKernelSettings()
    {
        var config = ConfigurationFactory.ParseString("""
            remoteio.actor {
              loglevel = debug
              stdout-loglevel = off
              log-dead-letters = 3
              default-dispatcher.throughput = 7
              coordinated-shutdown.phases.service-stop.timeout = 2s
            }
            """);

        using var system = ActorSystem.Create("configured", config);

        Assert.Equal(LogLevel.Debug, system.Settings.LogLevel);
        Assert.Equal(LogLevel.Off, system.Settings.StdoutLogLevel);
        Assert.Equal(3, system.Settings.LogDeadLetters);
        Assert.Equal(7, system.Dispatchers.DefaultDispatcher.Throughput);
        Assert.Equal(TimeSpan.FromSeconds(2), system.Settings.CoordinatedShutdown.TimeoutOf(CoordinatedShutdown.PhaseServiceStop));
        Assert.Equal(TimeSpan.FromSeconds(5), system.Settings.CoordinatedShutdown.TimeoutOf(CoordinatedShutdown.PhaseServiceUnbind));
        Assert.True(system.Settings.Config.HasPath("remoteio.timing-dispatcher"));
    }

    [Fact]
    public void Default_MatchesReferenceConf()
    {
        var defaults = ActorSystemSettings.Default;
        var timing = defaults.FindDispatcher("remoteio.timing-dispatcher")!;

        Assert.Equal(LogLevel.Info, defaults.LogLevel);
        Assert.Equal(LogLevel.Warning, defaults.StdoutLogLevel);
        Assert.False(defaults.TrackQuiescence);
        Assert.Equal(30, defaults.FindDispatcher(Dispatchers.DefaultDispatcherId)!.Throughput);
        Assert.Equal(DispatcherType.ForkJoinDispatcher, timing.Type);
        Assert.Equal(100, timing.Throughput);
        Assert.Equal(2, timing.ThreadCount);
        Assert.Equal(ThreadPriority.Highest, timing.ThreadPriority);
    }

    [Theory]
    [InlineData("remoteio.actor.loglevel = loud", "remoteio.actor.loglevel: expected one of debug, info, warning, error, off, got \"loud\" (<string> line 1, column 27).")]
    [InlineData("remoteio.actor.log-dead-letters = -1", "remoteio.actor.log-dead-letters: must be at least 0, got -1 (<string> line 1, column 35).")]
    [InlineData("remoteio.actor.default-dispatcher.throughput = 0", "remoteio.actor.default-dispatcher.throughput: must be at least 1, got 0 (<string> line 1, column 48).")]
    [InlineData("remoteio.actor.default-dispatcher.type = Pinned", "remoteio.actor.default-dispatcher.type: expected one of dispatcher, forkjoindispatcher, got \"Pinned\" (<string> line 1, column 42).")]
    public void Create_InvalidSetting_ConfigurationExceptionNamesPathValueAndPlace(string hocon, string message)
    {
        var e = Assert.Throws<ConfigurationException>(() => ActorSystem.Create("bad", ConfigurationFactory.ParseString(hocon)));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Extensions_RegisterAndGet_FirstRegistrationWins()
    {
        var first = new List<int>();

        Assert.Same(first, Sys.RegisterExtension(first));
        Assert.Same(first, Sys.RegisterExtension(new List<int>()));
        Assert.Same(first, Sys.GetExtension<List<int>>());
        Assert.Null(Sys.GetExtension<string>());
        Assert.Same(first, Sys.GetOrAddExtension(_ => new List<int>()));
        Assert.Equal("made", Sys.GetOrAddExtension(_ => "made"));
    }

    [Fact]
    public void ResolveActorRef_NonLocalAddressWithoutProvider_DeadLetterRefForThatPath()
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));
        var path = ActorPath.Parse("remoteio://far@10.0.0.9:8509/user/x");

        var reference = Sys.ResolveActorRef(path);
        reference.Tell("hello", TestActor);

        Assert.Equal(path, reference.Path);
        Assert.Equal(reference, letters.ExpectMsg<DeadLetter>().Recipient);
    }
}

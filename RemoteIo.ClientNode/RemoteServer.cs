using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Remote;
using RemoteIo.ClientNode.Protocol;

namespace RemoteIo.ClientNode;

/// <summary>
/// A session on a RemoteIo host: the C# client facade (remoteio's client, the .NET way).
/// <code>
/// await using var server = await RemoteServer.ConnectAsync("pi.local", 8509, options);
/// var pin = await server.PinAsync(7, Numbering.Board);
/// pin.On(TimeSpan.FromMilliseconds(2000));
/// await pin.Blink(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)).Completion;
/// await server.CloseAsync();
/// </code>
/// Underneath is a client node: a small actor system with remoting whose actor sends the
/// pins.proto messages to the host's <c>/user/pins</c> and receives the outcomes and events.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe. Commands for one pin run in the order they were sent. Each command returns a
/// <see cref="CommandHandle"/> (accepted / completion tasks); fire-and-forget is fine.
/// </para>
/// <para>
/// Connecting fails with an <see cref="Actors.Remote.AuthenticationException"/> (wrong or missing
/// secret), a <see cref="Actors.Remote.Transports.TransportException"/> (host unreachable), a <see cref="TimeoutException"/>
/// or an <see cref="AssociationRefusedException"/>. Once connected, a link that dies for good
/// fails what is pending with a <see cref="ConnectionLostException"/>; with reconnect enabled
/// (<see cref="RemoteServerOptions.WithReconnect"/>) a link that comes back within the host's
/// resume grace period keeps the session and its claims.
/// </para>
/// </remarks>
public sealed class RemoteServer : IAsyncDisposable
{
    /// <summary>Names the client actors of servers sharing one actor system.</summary>
    private static long _clientCounter;

    /// <summary>Requests waiting for their reply, by request id.</summary>
    private readonly ConcurrentDictionary<ulong, TaskCompletionSource<IMessage>> _requests = new();

    /// <summary>Commands waiting for their final outcome, by command id.</summary>
    private readonly ConcurrentDictionary<ulong, CommandHandle> _commands = new();

    /// <summary>Observers by GPIO.</summary>
    private readonly ConcurrentDictionary<int, PinObserver> _observers = new();

    /// <summary>Observers whose ObservePin request awaits the host's ObserveStarted, by request id.</summary>
    private readonly ConcurrentDictionary<ulong, PinObserver> _pendingObserves = new();

    /// <summary>Claimed output pins by GPIO (for notices).</summary>
    private readonly ConcurrentDictionary<int, RemotePin> _pins = new();

    /// <summary>The host's pin supervisor.</summary>
    private readonly IActorRef _hostPins;

    /// <summary>The host's administration actor.</summary>
    private readonly IActorRef _hostAdmin;

    /// <summary>Whether disposing terminates <see cref="System"/>.</summary>
    private readonly bool _ownsSystem;

    /// <summary>Takes command outcomes off the link's read thread (null without remoting: an in-process host).</summary>
    private readonly IDisposable? _outcomeShortcut;

    /// <summary>Ids of requests and commands (one counter: ids are unique within the session).</summary>
    private long _nextId;

    /// <summary>The <see cref="ConnectionState"/>, as an int for Interlocked.</summary>
    private int _state;

    /// <summary>Why the connection was lost, once it was.</summary>
    private string _lostReason = string.Empty;

    /// <summary>Creates the facade over a connected node (see the ConnectAsync methods).</summary>
    private RemoteServer(ActorSystem system, bool ownsSystem, IActorRef hostPins, RemoteServerOptions options)
    {
        System = system;
        _ownsSystem = ownsSystem;
        _hostPins = hostPins;
        _hostAdmin = system.ResolveActorRef(hostPins.Path.Parent.Child("host"));
        Options = options;
        Time = system.TimeProvider;
        ClientActor = system.ActorOf(Props.Create(() => new ClientActor(this, hostPins)), $"remoteio-client-{Interlocked.Increment(ref _clientCounter)}");

        // Outcomes from the host complete their handles on the link's read thread: one thread
        // wake-up less per outcome than through the client actor's mailbox. The handles' tasks
        // continue asynchronously, so no user code runs on that thread.
        _outcomeShortcut = system.GetExtension<Remoting>()?.AddInboundShortcut(ClientActor, TakeOnReadThread);
    }

    /// <summary>Raised when the link's state changes (on the client node's thread: keep handlers short).</summary>
    public event EventHandler<ConnectionState>? ConnectionStateChanged;

    /// <summary>The client node's actor system (its event stream carries the link's log and events).</summary>
    public ActorSystem System { get; }

    /// <summary>The options in force.</summary>
    public RemoteServerOptions Options { get; }

    /// <summary>The host's address, e.g. <c>remoteio://remoteio@127.0.0.1:8509</c>.</summary>
    public Address HostAddress => _hostPins.Path.Address;

    /// <summary>The session's id on the host.</summary>
    public string SessionId { get; private set; } = string.Empty;

    /// <summary>The session's mode as the host decided it (never <see cref="Mode.HostDefault"/>).</summary>
    public Mode SessionMode { get; private set; }

    /// <summary>The host's software version.</summary>
    public string HostVersion { get; private set; } = string.Empty;

    /// <summary>Where the link stands.</summary>
    public ConnectionState State => (ConnectionState)Volatile.Read(ref _state);

    /// <summary>The actor that sends for this session and receives the host's answers.</summary>
    internal IActorRef ClientActor { get; }

    /// <summary>The host's pin supervisor.</summary>
    internal IActorRef HostPins => _hostPins;

    /// <summary>The node's clock.</summary>
    internal TimeProvider Time { get; }

    /// <summary>Connects over TCP and opens a session.</summary>
    /// <param name="host">Host name or address.</param>
    /// <param name="port">TCP port (8509 by default).</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected server.</returns>
    public static Task<RemoteServer> ConnectAsync(string host, int port = 8509, RemoteServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        EndPoint endPoint = IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, port) : new DnsEndPoint(host, port);
        return ConnectAsync(endPoint, options, cancellationToken);
    }

    /// <summary>Connects over a Unix domain socket (a client on the host's own board) and opens a session.</summary>
    /// <param name="socketPath">The host's socket file.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected server.</returns>
    public static Task<RemoteServer> ConnectUnixSocketAsync(string socketPath, RemoteServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(socketPath);
        return ConnectAsync(new UnixDomainSocketEndPoint(socketPath), options, cancellationToken);
    }

    /// <summary>Connects where <paramref name="options"/> say (<see cref="RemoteServerOptions.UnixSocket"/>, else server and port).</summary>
    /// <param name="options">Options, e.g. <see cref="RemoteServerOptions.FromConfig"/> of client.conf.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected server.</returns>
    public static Task<RemoteServer> ConnectAsync(RemoteServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UnixSocket.Length > 0
            ? ConnectUnixSocketAsync(options.UnixSocket, options, cancellationToken)
            : ConnectAsync(options.Server, options.Port, options, cancellationToken);
    }

    /// <summary>Connects to the host at <paramref name="endPoint"/> (TCP or Unix socket) with a client node of its own.</summary>
    /// <param name="endPoint">An <see cref="IPEndPoint"/>, <see cref="DnsEndPoint"/> or <see cref="UnixDomainSocketEndPoint"/>.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected server.</returns>
    public static async Task<RemoteServer> ConnectAsync(EndPoint endPoint, RemoteServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        options ??= RemoteServerOptions.Default;
        options.Validate();
        var config = ConfigurationFactory.ParseString("remoteio.actor.stdout-loglevel = off").WithFallback(options.Config ?? ConfigurationFactory.Empty);
        var system = ActorSystem.Create(options.SystemName, config, options.TimeProvider);
        try
        {
            var remoting = Remoting.Start(system, options.Remote, CreateRegistry());
            var hostAddress = await remoting.ConnectAsync(endPoint, null, cancellationToken).ConfigureAwait(false);
            var pins = system.ResolveActorRef(ActorPath.RootOf(hostAddress) / "user" / "pins");
            return await OpenAsync(system, ownsSystem: true, pins, options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Opens a session with a pin supervisor through an actor system the caller owns: a client node
    /// of the application's own (remoting started and connected), or the host's own system (an
    /// in-process simulation). The session is keyed by this server's actor.
    /// </summary>
    /// <param name="system">The actor system (not terminated when the server is disposed).</param>
    /// <param name="pins">The host's <c>/user/pins</c> (remote or local reference).</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The connected server.</returns>
    public static Task<RemoteServer> ConnectAsync(ActorSystem system, IActorRef pins, RemoteServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(pins);
        return OpenAsync(system, ownsSystem: false, pins, options ?? RemoteServerOptions.Default, cancellationToken);
    }

    /// <summary>The message types a client node exchanges with a host: pins.proto and the host administration messages.</summary>
    /// <returns>A new registry.</returns>
    public static MessageRegistry CreateRegistry() => MessageRegistry.CreateDefault().Register(HostAdminReflection.Descriptor);

    /// <summary>Claims a pin as an output for this session.</summary>
    /// <param name="number">The pin number.</param>
    /// <param name="numbering">GPIO (BCM) number or physical header position.</param>
    /// <param name="cancellationToken">Cancels waiting for the host.</param>
    /// <returns>The claimed pin.</returns>
    /// <exception cref="PinBusyException">Another session owns the pin (the message names it).</exception>
    /// <exception cref="RequestRejectedException">Not a GPIO (power, ground, out of range), already claimed by this session, ...</exception>
    public async Task<RemotePin> PinAsync(int number, Numbering numbering = Numbering.Gpio, CancellationToken cancellationToken = default)
    {
        var claimed = await ClaimAsync(number, numbering, ClaimRole.Output, null, cancellationToken).ConfigureAwait(false);
        var pin = new RemotePin(this, (int)claimed.Gpio, (int)claimed.Board, claimed.Level);
        _pins[pin.Gpio] = pin;
        return pin;
    }

    /// <summary>Claims a pin as an input (this session configures it; any session may observe it) and observes it.</summary>
    /// <param name="number">The pin number.</param>
    /// <param name="options">Bias, polarity, line debounce and how to observe; null for the defaults.</param>
    /// <param name="numbering">GPIO (BCM) number or physical header position.</param>
    /// <param name="cancellationToken">Cancels waiting for the host.</param>
    /// <returns>The input.</returns>
    /// <exception cref="PinBusyException">Another session drives or configures the pin.</exception>
    public async Task<RemoteInput> InputAsync(int number, InputOptions? options = null, Numbering numbering = Numbering.Gpio, CancellationToken cancellationToken = default)
    {
        options ??= InputOptions.Default;
        var config = new InputConfig { Bias = options.Bias, ActiveLow = options.ActiveLow, DebounceUs = Microseconds32(options.LineDebounce, nameof(options)) };
        var claimed = await ClaimAsync(number, numbering, ClaimRole.Input, config, cancellationToken).ConfigureAwait(false);
        var input = new RemoteInput(this, (int)claimed.Gpio, (int)claimed.Board, options.Observe);
        await input.StartAsync(cancellationToken).ConfigureAwait(false);
        return input;
    }

    /// <summary>Observes a pin without claiming it: an input someone configured, or an output someone drives.</summary>
    /// <param name="number">The pin number.</param>
    /// <param name="options">Edges, debounce, watchdog; null for the defaults.</param>
    /// <param name="numbering">GPIO (BCM) number or physical header position.</param>
    /// <param name="cancellationToken">Cancels waiting for the host.</param>
    /// <returns>The observer; dispose it to stop observing.</returns>
    public async Task<PinObserver> ObserveAsync(int number, ObserveOptions? options = null, Numbering numbering = Numbering.Gpio, CancellationToken cancellationToken = default)
    {
        var observer = new PinObserver(this, PinRefFor(number, numbering), options ?? ObserveOptions.Default);
        await observer.StartAsync(cancellationToken).ConfigureAwait(false);
        return observer;
    }

    /// <summary>Reads a pin's level (any pin; no claim needed).</summary>
    /// <param name="number">The pin number.</param>
    /// <param name="numbering">GPIO (BCM) number or physical header position.</param>
    /// <param name="cancellationToken">Cancels waiting for the host.</param>
    /// <returns>The level, with the host's timestamp and the pin's edge sequence number.</returns>
    public async Task<PinReading> ReadAsync(int number, Numbering numbering = Numbering.Gpio, CancellationToken cancellationToken = default)
    {
        var id = NextId();
        var level = await RequestAsync<PinLevel>(_hostPins, new ReadPin { RequestId = id, Pin = PinRefFor(number, numbering) }, id, $"reading {Describe(number, numbering)}", Options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return new PinReading((int)level.Gpio, level.Level, level.TimestampNs, level.Sequence);
    }

    /// <summary>Every claimed or observed pin on the host: owner, mode, level, queue depth (<c>remoteio states</c>).</summary>
    /// <param name="cancellationToken">Cancels waiting for the host.</param>
    /// <returns>The host's answer.</returns>
    public Task<PinStates> GetPinStatesAsync(CancellationToken cancellationToken = default)
    {
        var id = NextId();
        return RequestAsync<PinStates>(_hostPins, new GetPinStates { RequestId = id }, id, "the pin states", Options.RequestTimeout, cancellationToken);
    }

    /// <summary>Asks the host to write its simulated transition log to its configured file (<c>remoteio dump-transitions</c>).</summary>
    /// <param name="cancellationToken">Cancels waiting for the host.</param>
    /// <returns>Where it was written and how many rows.</returns>
    /// <exception cref="RequestRejectedException">The host drives real GPIO, or has no file configured (the message says which).</exception>
    public Task<TransitionsDumped> DumpTransitionsAsync(CancellationToken cancellationToken = default)
    {
        var id = NextId();
        return RequestAsync<TransitionsDumped>(_hostAdmin, new DumpTransitions { RequestId = id }, id, "writing the transition log", Options.RequestTimeout, cancellationToken);
    }

    /// <summary>
    /// Soft-closes the session and waits for the host's confirmation: every claimed pin first
    /// finishes what is queued (wait mode), then goes to its safe state and is released. Then the
    /// link is closed. Idempotent; a lost connection has nothing left to close.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the host still closes the session).</param>
    /// <returns>The GPIOs the host released.</returns>
    /// <exception cref="TimeoutException">The host did not confirm within <see cref="RemoteServerOptions.CloseTimeout"/>.</exception>
    public async Task<IReadOnlyList<int>> CloseAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<int> released = [];
        if (State is ConnectionState.Connected or ConnectionState.Reconnecting)
        {
            var id = NextId();
            var closed = await RequestAsync<SessionClosed>(_hostPins, new CloseSession { RequestId = id }, id, "closing the session", Options.CloseTimeout, cancellationToken).ConfigureAwait(false);
            released = [.. closed.ReleasedGpios.Select(g => (int)g)];
            if (SetState(ConnectionState.Closed))
            {
                FailEverything(new ConnectionLostException($"the session with {HostAddress} was closed"));
            }
        }

        await ShutdownNodeAsync().ConfigureAwait(false);
        return released;
    }

    /// <summary>
    /// Stops the client node without closing the session: the host treats it like a lost link and
    /// soft-closes the session itself (in wait mode every accepted command still runs, then the
    /// pins go safe). For a command-line client that sends a timed command and exits at once.
    /// </summary>
    /// <returns>Completes when the node has stopped.</returns>
    public async Task DetachAsync()
    {
        if (SetState(ConnectionState.Closed))
        {
            FailEverything(new ConnectionLostException($"the client detached from {HostAddress}"));
        }

        await ShutdownNodeAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the session if it is still open (bounded by the close timeout, errors ignored) and stops the client node.</summary>
    /// <returns>Completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RemoteIoException or TimeoutException or OperationCanceledException)
        {
            SetState(ConnectionState.Closed);
            FailEverything(new ConnectionLostException($"the session with {HostAddress} was disposed", e));
            await ShutdownNodeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"RemoteServer({HostAddress}, session {SessionId}, {State})";

    /// <summary>A fresh request or command id.</summary>
    /// <returns>The id.</returns>
    internal ulong NextId() => (ulong)Interlocked.Increment(ref _nextId);

    /// <summary>Sends a command and returns its handle (failed at once when the connection is gone).</summary>
    /// <param name="command">The command (its id set).</param>
    /// <param name="gpio">The pin.</param>
    /// <param name="action">The action name.</param>
    /// <returns>The handle.</returns>
    internal CommandHandle Send(PinCommand command, int gpio, string action)
    {
        var handle = new CommandHandle(command.CommandId, gpio, action);
        if (State is ConnectionState.Lost or ConnectionState.Closed)
        {
            handle.Fail(NotConnected());
            return handle;
        }

        _commands[command.CommandId] = handle;
        Tell(_hostPins, command, () =>
        {
            if (_commands.TryRemove(command.CommandId, out var unsent))
            {
                unsent.Fail(new RemoteIoException($"{unsent} was not sent: the link's outbound queue stayed full (remoteio.remote.outbound-wait-timeout)"));
            }
        });
        return handle;
    }

    /// <summary>Sends a request and awaits its reply of type <typeparamref name="TReply"/>.</summary>
    /// <typeparam name="TReply">The expected reply.</typeparam>
    /// <param name="target">The host actor.</param>
    /// <param name="request">The request (its id set to <paramref name="id"/>).</param>
    /// <param name="id">The request id.</param>
    /// <param name="what">What is asked, for error messages.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The reply.</returns>
    internal async Task<TReply> RequestAsync<TReply>(IActorRef target, IMessage request, ulong id, string what, TimeSpan timeout, CancellationToken cancellationToken)
        where TReply : class, IMessage
    {
        if (State is ConnectionState.Lost or ConnectionState.Closed)
        {
            throw NotConnected();
        }

        var reply = new TaskCompletionSource<IMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests[id] = reply;
        Tell(target, request, () =>
        {
            if (_requests.TryRemove(id, out var unsent))
            {
                unsent.TrySetException(new RemoteIoException($"{what} was not sent: the link's outbound queue stayed full"));
            }
        });
        IMessage answer;
        try
        {
            answer = await reply.Task.WaitAsync(timeout, Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            _requests.TryRemove(id, out _);
            throw new TimeoutException($"the host {HostAddress} did not answer {what} within {timeout.TotalSeconds:0.###} s", e);
        }
        catch (OperationCanceledException)
        {
            _requests.TryRemove(id, out _);
            throw;
        }

        return answer switch
        {
            TReply typed => typed,
            RequestRejected rejected => throw RequestRejectedException.For(rejected.Reason, rejected.Message, what),
            _ => throw new RemoteIoException($"the host answered {what} with an unexpected {answer.Descriptor.FullName}"),
        };
    }

    /// <summary>Registers an observer so edge events for its GPIO reach it.</summary>
    /// <param name="gpio">The GPIO.</param>
    /// <param name="observer">The observer.</param>
    /// <exception cref="InvalidOperationException">This session already observes the pin.</exception>
    internal void AddObserver(int gpio, PinObserver observer)
    {
        if (!TryAddObserver(gpio, observer))
        {
            throw new InvalidOperationException($"GPIO {gpio} is already observed by this session; use its existing observer (or dispose it first)");
        }
    }

    /// <summary>Registers an observer so edge events for its GPIO reach it; false when the session already observes the GPIO.</summary>
    /// <param name="gpio">The GPIO.</param>
    /// <param name="observer">The observer.</param>
    /// <returns>True when registered.</returns>
    internal bool TryAddObserver(int gpio, PinObserver observer) => _observers.TryAdd(gpio, observer);

    /// <summary>Remembers an observer whose ObservePin request <paramref name="requestId"/> awaits the host's confirmation.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="observer">The observer.</param>
    internal void AddPendingObserve(ulong requestId, PinObserver observer) => _pendingObserves[requestId] = observer;

    /// <summary>Forgets a pending observe request (failed, cancelled or timed out).</summary>
    /// <param name="requestId">The request.</param>
    internal void RemovePendingObserve(ulong requestId) => _pendingObserves.TryRemove(requestId, out _);

    /// <summary>
    /// The host confirmed an observation (the link's read thread, in order with the events after
    /// it; the client actor's for an in-process host): the observer takes its state and is
    /// registered before the next event is handled, then the request completes.
    /// </summary>
    /// <param name="started">The confirmation.</param>
    internal void OnObserveStarted(ObserveStarted started)
    {
        if (_pendingObserves.TryRemove(started.RequestId, out var observer) && observer.OnStarted(started) is { } refused)
        {
            if (_requests.TryRemove(started.RequestId, out var waiting))
            {
                waiting.TrySetException(new InvalidOperationException(refused));
            }

            return;
        }

        OnReply(started.RequestId, started);
    }

    /// <summary>Forgets an observer.</summary>
    /// <param name="gpio">The GPIO.</param>
    /// <param name="observer">The observer.</param>
    internal void RemoveObserver(int gpio, PinObserver observer) => _observers.TryRemove(new KeyValuePair<int, PinObserver>(gpio, observer));

    /// <summary>Forgets a closed output pin.</summary>
    /// <param name="pin">The pin.</param>
    internal void RemovePin(RemotePin pin) => _pins.TryRemove(new KeyValuePair<int, RemotePin>(pin.Gpio, pin));

    /// <summary>Sends a message to the host without waiting for an answer (acknowledgements, stop observing).</summary>
    /// <param name="message">The message.</param>
    internal void Post(IMessage message) => Tell(_hostPins, message, static () => { });

    /// <summary>A reply to a request arrived (client actor thread).</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="reply">The reply.</param>
    internal void OnReply(ulong requestId, IMessage reply)
    {
        if (_requests.TryRemove(requestId, out var waiting))
        {
            waiting.TrySetResult(reply);
        }
    }

    /// <summary>A command outcome arrived (the link's read thread, see <see cref="TakeOnReadThread"/>; the client actor's thread for a local host).</summary>
    /// <param name="outcome">The outcome.</param>
    internal void OnOutcome(CommandOutcome outcome)
    {
        if (_commands.TryGetValue(outcome.CommandId, out var handle) && handle.OnOutcome(outcome))
        {
            _commands.TryRemove(outcome.CommandId, out _);
        }
    }

    /// <summary>
    /// The inbound shortcut: command outcomes, observation confirmations and observer events
    /// (edges, drop notices, watchdogs) are handled at once on the link's read thread, in the order
    /// they arrived: an observer is registered before the edges that follow its confirmation, and a
    /// client sees outcomes and events in the order the host sent them (a command's edges before its
    /// end; through the client actor's mailbox the edges raced the outcome and usually lost).
    /// Anything else goes to the client actor.
    /// </summary>
    /// <param name="message">An inbound message for the client actor.</param>
    /// <returns>True when it was taken.</returns>
    private bool TakeOnReadThread(object message)
    {
        if (message is CommandOutcome outcome)
        {
            OnOutcome(outcome);
            return true;
        }

        if (TryDeliverObserverEvent(message))
        {
            return true;
        }

        if (message is ObserveStarted started)
        {
            OnObserveStarted(started);
            return true;
        }

        return false;
    }

    /// <summary>Hands an observer message (edge, drop notice, watchdog) to its pin's observer; false for any other message.</summary>
    /// <param name="message">An inbound message for the client actor.</param>
    /// <returns>True when it was an observer event.</returns>
    internal bool TryDeliverObserverEvent(object message)
    {
        if (!ObserverEvents.TryConvert(message, out var pinEvent))
        {
            return false;
        }

        OnPinEvent(pinEvent.Gpio, pinEvent);
        return true;
    }

    /// <summary>An edge, watchdog or drop notice for an observed pin (the link's read thread; the client actor's for an in-process host).</summary>
    /// <param name="gpio">The pin.</param>
    /// <param name="pinEvent">The event.</param>
    internal void OnPinEvent(int gpio, PinEvent pinEvent)
    {
        if (_observers.TryGetValue(gpio, out var observer))
        {
            observer.Deliver(pinEvent);
        }
    }

    /// <summary>A notice about an owned pin (client actor thread).</summary>
    /// <param name="notice">The notice.</param>
    internal void OnNotice(PinNotice notice)
    {
        if (_pins.TryGetValue((int)notice.Gpio, out var pin))
        {
            pin.OnNotice(notice);
        }
    }

    /// <summary>The link to the host is gone for good (client actor thread).</summary>
    /// <param name="reason">Why.</param>
    internal void OnHostLost(string reason)
    {
        _lostReason = reason;
        if (SetState(ConnectionState.Lost))
        {
            FailEverything(NotConnected());
        }
    }

    /// <summary>The link was lost but may resume (client actor thread).</summary>
    /// <param name="reason">Why it was lost.</param>
    internal void OnLinkInterrupted(string reason)
    {
        _lostReason = reason;
        SetState(ConnectionState.Reconnecting);
    }

    /// <summary>The link resumed within the grace period (client actor thread).</summary>
    internal void OnLinkResumed() => SetState(ConnectionState.Connected);

    /// <summary>A message could not be delivered (reported to the client actor).</summary>
    /// <param name="cause">Why.</param>
    internal void OnUndeliverable(Exception cause) => System.Log.Warning(cause, "RemoteIo client: a message to {0} was not delivered: {1}", HostAddress, cause.Message);

    /// <summary>Opens the session on a node that can reach <paramref name="pins"/>.</summary>
    private static async Task<RemoteServer> OpenAsync(ActorSystem system, bool ownsSystem, IActorRef pins, RemoteServerOptions options, CancellationToken cancellationToken)
    {
        var server = new RemoteServer(system, ownsSystem, pins, options);
        try
        {
            var id = server.NextId();
            var opened = await server.RequestAsync<SessionOpened>(
                pins,
                new OpenSession { RequestId = id, ClientName = options.EffectiveClientName, Mode = options.Mode },
                id,
                "opening a session",
                options.RequestTimeout,
                cancellationToken).ConfigureAwait(false);
            server.SessionId = opened.SessionId;
            server.SessionMode = opened.Mode;
            server.HostVersion = opened.HostVersion;
            return server;
        }
        catch
        {
            server.SetState(ConnectionState.Closed);
            system.Stop(server.ClientActor);
            throw;
        }
    }

    /// <summary>Tells <paramref name="target"/>, waiting for room in a full outbound queue (bounded) rather than dropping.</summary>
    private void Tell(IActorRef target, IMessage message, Action onNotSent)
    {
        if (target is not RemoteActorRef remote)
        {
            target.Tell(message, ClientActor);
            return;
        }

        var sent = remote.TellAsync(message, ClientActor);
        if (sent.IsCompletedSuccessfully)
        {
            if (!sent.Result)
            {
                onNotSent();
            }

            return;
        }

        _ = AwaitSentAsync(sent, onNotSent);
    }

    /// <summary>Waits for a send that found the queue full.</summary>
    private static async Task AwaitSentAsync(ValueTask<bool> sent, Action onNotSent)
    {
        try
        {
            if (!await sent.ConfigureAwait(false))
            {
                onNotSent();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            onNotSent();
        }
    }

    /// <summary>Moves to <paramref name="state"/> unless already closed or lost (those are final); raises the event.</summary>
    /// <returns>True when the state changed.</returns>
    private bool SetState(ConnectionState state)
    {
        while (true)
        {
            var current = Volatile.Read(ref _state);
            if (current == (int)state || current is (int)ConnectionState.Closed or (int)ConnectionState.Lost)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _state, (int)state, current) == current)
            {
                try
                {
                    ConnectionStateChanged?.Invoke(this, state);
                }
                catch (Exception e)
                {
                    System.Log.Error(e, "A ConnectionStateChanged handler threw: {0}", e.Message);
                }

                return true;
            }
        }
    }

    /// <summary>Fails every pending request and command and ends every observation.</summary>
    private void FailEverything(Exception error)
    {
        foreach (var id in _requests.Keys)
        {
            if (_requests.TryRemove(id, out var request) && request.TrySetException(error))
            {
                _ = request.Task.Exception;
            }
        }

        foreach (var id in _commands.Keys)
        {
            if (_commands.TryRemove(id, out var command))
            {
                command.Fail(error);
            }
        }

        foreach (var observer in _observers.Values)
        {
            observer.End(error);
        }
    }

    /// <summary>The exception for a request on a closed or lost session.</summary>
    private ConnectionLostException NotConnected() => State == ConnectionState.Closed
        ? new ConnectionLostException($"the session with {HostAddress} is closed")
        : new ConnectionLostException($"the connection to {HostAddress} was lost: {_lostReason}");

    /// <summary>Stops this server's actor, and the client node when it owns it.</summary>
    private async Task ShutdownNodeAsync()
    {
        _outcomeShortcut?.Dispose();
        if (_ownsSystem)
        {
            await System.Terminate().ConfigureAwait(false);
        }
        else
        {
            System.Stop(ClientActor);
        }
    }

    /// <summary>Claims a pin.</summary>
    private Task<PinClaimed> ClaimAsync(int number, Numbering numbering, ClaimRole role, InputConfig? input, CancellationToken cancellationToken)
    {
        var id = NextId();
        var claim = new ClaimPin { RequestId = id, Pin = PinRefFor(number, numbering), Role = role, Input = input };
        return RequestAsync<PinClaimed>(_hostPins, claim, id, $"claiming {Describe(number, numbering)}", Options.RequestTimeout, cancellationToken);
    }

    /// <summary>The wire form of a pin number.</summary>
    private static PinRef PinRefFor(int number, Numbering numbering)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        if (!Enum.IsDefined(numbering))
        {
            throw new ArgumentOutOfRangeException(nameof(numbering), numbering, "use Numbering.Gpio or Numbering.Board");
        }

        return new PinRef { Numbering = numbering, Number = (uint)number };
    }

    /// <summary>"GPIO 4" or "board pin 7".</summary>
    private static string Describe(int number, Numbering numbering) => numbering == Numbering.Board ? $"board pin {number}" : $"GPIO {number}";

    /// <summary>A duration as whole microseconds in 32 bits.</summary>
    internal static uint Microseconds32(TimeSpan value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, name);
        return checked((uint)(value.Ticks / TimeSpan.TicksPerMicrosecond));
    }
}

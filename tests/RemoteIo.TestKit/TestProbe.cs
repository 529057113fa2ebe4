using System.Collections.Concurrent;
using System.Diagnostics;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Dispatch;
using Xunit.Sdk;

namespace RemoteIo.TestKit;

/// <summary>
/// An actor reference with a queue the test reads: everything told to it is kept with its sender,
/// and the <c>Expect</c> methods take messages off the queue, failing the test with a clear
/// message when the next one is missing or different. It is a real actor (under <c>/system</c>),
/// so it can be watched, can watch others and takes part in virtual-time settling.
/// </summary>
/// <remarks>
/// Timeouts here are real-time waits for messages to arrive; the actors' own time (timers,
/// scheduler, Ask timeouts) runs on the actor system's clock, which an <see cref="ActorTestKit"/>
/// makes a <see cref="ManualTimeProvider"/>. Use a probe from one test thread at a time.
/// </remarks>
public sealed class TestProbe : ActorRefBase
{
    /// <summary>Messages received and not yet taken.</summary>
    private readonly BlockingCollection<Envelope> _queue = [];

    /// <summary>The probe's actor.</summary>
    private readonly IInternalActorRef _ref;

    /// <summary>Timeouts.</summary>
    private readonly TestKitSettings _settings;

    /// <summary>The deadline of the innermost <c>Within</c> block (a <see cref="Stopwatch"/> timestamp), if any.</summary>
    private long? _deadline;

    /// <summary>Creates a probe in <paramref name="system"/>.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="name">The probe actor's name under <c>/system</c> (generated when null).</param>
    /// <param name="settings">Timeouts (default: <see cref="TestKitSettings.Default"/>).</param>
    public TestProbe(ActorSystem system, string? name = null, TestKitSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        _settings = settings ?? TestKitSettings.Default;
        _ref = (IInternalActorRef)system.SystemActorOf(Props.Create(() => new ProbeActor(_queue)), name);
    }

    /// <summary>The probe's actor reference (the probe itself is an equal reference).</summary>
    public IActorRef Ref => _ref;

    /// <inheritdoc />
    public override ActorSystem System { get; }

    /// <inheritdoc />
    public override ActorPath Path => _ref.Path;

    /// <summary>The sender of the message taken last (<see cref="ActorRefs.Nobody"/> before any; the dead letters when it had none).</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>The message taken last, if any.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>True when messages are waiting in the queue.</summary>
    public bool HasMessages => _queue.Count > 0;

    /// <summary>How many messages are waiting in the queue.</summary>
    public int QueuedMessageCount => _queue.Count;

    /// <summary>The time left in the innermost <c>Within</c> block, or the default timeout outside one.</summary>
    public TimeSpan RemainingOrDefault => _deadline is { } deadline ? Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline) : _settings.DefaultTimeout;

    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender) => _ref.Tell(message, sender);

    /// <inheritdoc />
    public override void SendSystemMessage(SystemMessage message) => _ref.SendSystemMessage(message);

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with this probe as sender.</summary>
    /// <param name="target">The recipient.</param>
    /// <param name="message">The message.</param>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, _ref);
    }

    /// <summary>Replies to the sender of the message taken last, with this probe as sender.</summary>
    /// <param name="message">The reply.</param>
    public void Reply(object message) => LastSender.Tell(message, _ref);

    /// <summary>Passes the message taken last on to <paramref name="target"/>, keeping its original sender.</summary>
    /// <param name="target">The recipient.</param>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(LastMessage ?? throw new InvalidOperationException("No message has been taken yet, so there is nothing to forward."), LastSender);
    }

    /// <summary>Watches <paramref name="actor"/>; returns once the watch is in place.</summary>
    /// <param name="actor">The actor to watch.</param>
    /// <returns><paramref name="actor"/>.</returns>
    public IActorRef Watch(IActorRef actor) => SendWatchRequest(actor, watch: true);

    /// <summary>Stops watching <paramref name="actor"/>; returns once done.</summary>
    /// <param name="actor">The watched actor.</param>
    /// <returns><paramref name="actor"/>.</returns>
    public IActorRef Unwatch(IActorRef actor) => SendWatchRequest(actor, watch: false);

    /// <summary>Takes the next message, which must be a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="timeout">How long to wait (default: <see cref="RemainingOrDefault"/>).</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => ExpectMsg<T>(static _ => true, timeout, null);

    /// <summary>Takes the next message, which must be a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="predicate">What the message must satisfy.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="hint">Describes the expectation in the failure message.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var wait = timeout ?? RemainingOrDefault;
        var what = $"a {typeof(T).Name}{(hint is null ? string.Empty : " (" + hint + ")")}";
        var envelope = Take(wait) ?? throw new XunitException($"Timeout ({wait.TotalMilliseconds:0} ms) while waiting for {what} at {Path}.");
        if (envelope.Message is not T typed || !predicate(typed))
        {
            throw new XunitException($"Expected {what} at {Path}, but got {Describe(envelope)}.");
        }

        return typed;
    }

    /// <summary>Takes the next message, which must equal <paramref name="expected"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="expected">The expected message (compared with <see cref="object.Equals(object)"/>).</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
        where T : notnull => ExpectMsg<T>(m => Equals(m, expected), timeout, $"equal to {expected}");

    /// <summary>Takes the next message, which must be a <typeparamref name="T"/> sent by <paramref name="sender"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="sender">The expected sender.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? timeout = null)
    {
        var message = ExpectMsg<T>(timeout);
        if (!LastSender.Equals(sender))
        {
            throw new XunitException($"Expected {typeof(T).Name} from {sender}, but it came from {LastSender}.");
        }

        return message;
    }

    /// <summary>
    /// Asserts that no message arrives. On a virtual clock (quiescence tracking) it waits until
    /// the actor system is idle and checks the queue, which is exact; on the real clock it waits
    /// <see cref="TestKitSettings.NoMessageWait"/>.
    /// </summary>
    public void ExpectNoMsg()
    {
        if (System.Settings.TrackQuiescence)
        {
            if (!System.AwaitIdle(_settings.SettleTimeout))
            {
                throw new XunitException($"The actor system did not become idle within {_settings.SettleTimeout.TotalMilliseconds:0} ms.");
            }

            ExpectNoMsg(TimeSpan.Zero);
        }
        else
        {
            ExpectNoMsg(_settings.NoMessageWait);
        }
    }

    /// <summary>Asserts that no message arrives within <paramref name="duration"/> (real time).</summary>
    /// <param name="duration">How long to watch the queue.</param>
    public void ExpectNoMsg(TimeSpan duration)
    {
        if (Take(duration) is { } envelope)
        {
            throw new XunitException($"Expected no message at {Path} for {duration.TotalMilliseconds:0} ms, but got {Describe(envelope)}.");
        }
    }

    /// <summary>Takes the next message, which must be the <see cref="Terminated"/> of <paramref name="actor"/> (watch it first).</summary>
    /// <param name="actor">The watched actor.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The message.</returns>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ExpectMsg<Terminated>(t => t.ActorRef.Equals(actor), timeout, $"the termination of {actor.Path}");
    }

    /// <summary>Takes exactly <paramref name="count"/> messages within <paramref name="timeout"/> (in total).</summary>
    /// <param name="count">How many.</param>
    /// <param name="timeout">The time for all of them.</param>
    /// <returns>The messages in arrival order.</returns>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + ToStopwatchTicks(timeout ?? RemainingOrDefault);
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var envelope = Take(Until(deadline))
                ?? throw new XunitException($"Timeout while waiting for {count} messages at {Path}: got {messages.Count}.");
            messages.Add(envelope.Message);
        }

        return messages;
    }

    /// <summary>Takes messages until one satisfies <paramref name="isMessage"/>; the others are discarded.</summary>
    /// <param name="isMessage">True for the awaited message.</param>
    /// <param name="timeout">The time for the whole search.</param>
    /// <returns>The awaited message.</returns>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? timeout = null) => FishForMessage<object>(isMessage, timeout);

    /// <summary>Takes messages until a <typeparamref name="T"/> satisfies <paramref name="isMessage"/>; the others are discarded.</summary>
    /// <typeparam name="T">The awaited type.</typeparam>
    /// <param name="isMessage">True for the awaited message.</param>
    /// <param name="timeout">The time for the whole search.</param>
    /// <returns>The awaited message.</returns>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var deadline = Stopwatch.GetTimestamp() + ToStopwatchTicks(timeout ?? RemainingOrDefault);
        var skipped = 0;
        while (true)
        {
            var envelope = Take(Until(deadline))
                ?? throw new XunitException($"Timeout while fishing for a {typeof(T).Name} at {Path} ({skipped} other messages skipped).");
            if (envelope.Message is T typed && isMessage(typed))
            {
                return typed;
            }

            skipped++;
        }
    }

    /// <summary>Takes the next message of any type, or returns null after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The message, or null.</returns>
    public object? ReceiveOne(TimeSpan? timeout = null) => Take(timeout ?? RemainingOrDefault)?.Message;

    /// <summary>
    /// Runs <paramref name="action"/> as a block that must finish within <paramref name="max"/>
    /// (real time); expectations inside it without a timeout use the time left.
    /// </summary>
    /// <param name="max">The time limit.</param>
    /// <param name="action">The block.</param>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>Runs <paramref name="action"/> as a block that must take between <paramref name="min"/> and <paramref name="max"/>.</summary>
    /// <param name="min">The least time it may take.</param>
    /// <param name="max">The most time it may take.</param>
    /// <param name="action">The block.</param>
    public void Within(TimeSpan min, TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var start = Stopwatch.GetTimestamp();
        var outer = _deadline;
        var deadline = start + ToStopwatchTicks(max);
        _deadline = outer is { } o && o < deadline ? o : deadline;
        try
        {
            action();
        }
        finally
        {
            _deadline = outer;
        }

        var took = Stopwatch.GetElapsedTime(start);
        if (took > max || took < min)
        {
            throw new XunitException($"The block took {took.TotalMilliseconds:0} ms, expected between {min.TotalMilliseconds:0} and {max.TotalMilliseconds:0} ms.");
        }
    }

    /// <summary>Retries <paramref name="assertion"/> until it passes or <paramref name="duration"/> is over (then its last failure is thrown).</summary>
    /// <param name="assertion">Throws while the condition does not hold.</param>
    /// <param name="duration">How long to keep trying.</param>
    /// <param name="interval">Pause between attempts (on a virtual clock the system is also settled between attempts).</param>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = Stopwatch.GetTimestamp() + ToStopwatchTicks(duration ?? RemainingOrDefault);
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (Stopwatch.GetTimestamp() < deadline)
            {
                Pause(interval ?? TimeSpan.FromMilliseconds(10));
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds or fails the test after <paramref name="max"/>.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="max">How long to wait.</param>
    /// <param name="message">Describes the condition in the failure message.</param>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        AwaitAssert(
            () =>
            {
                if (!condition())
                {
                    throw new XunitException($"Condition not met: {message ?? "AwaitCondition"}.");
                }
            },
            max);
    }

    /// <summary>Converts a timeout to <see cref="Stopwatch"/> ticks.</summary>
    private static long ToStopwatchTicks(TimeSpan timeout) => (long)(timeout.TotalSeconds * Stopwatch.Frequency);

    /// <summary>The time left until a <see cref="Stopwatch"/> deadline (zero when past).</summary>
    private static TimeSpan Until(long deadline)
    {
        var now = Stopwatch.GetTimestamp();
        return now >= deadline ? TimeSpan.Zero : Stopwatch.GetElapsedTime(now, deadline);
    }

    /// <summary>Describes a received message for failure messages.</summary>
    private static string Describe(Envelope envelope) => $"{envelope.Message.GetType().Name} {envelope.Message} from {envelope.Sender?.Path.ToString() ?? "no sender"}";

    /// <summary>Takes the next message within <paramref name="timeout"/> and records it as the last one.</summary>
    private Envelope? Take(TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero)
        {
            timeout = TimeSpan.Zero;
        }

        if (!_queue.TryTake(out var envelope, timeout))
        {
            return null;
        }

        LastMessage = envelope.Message;
        LastSender = envelope.Sender ?? System.DeadLetters;
        return envelope;
    }

    /// <summary>Waits between retries: settles a virtual-clock system, then yields the CPU briefly.</summary>
    private void Pause(TimeSpan interval)
    {
        if (System.Settings.TrackQuiescence)
        {
            System.AwaitIdle(interval);
        }

        Thread.Sleep(interval);
    }

    /// <summary>Has the probe's actor (un)watch <paramref name="actor"/> and waits until it has.</summary>
    private IActorRef SendWatchRequest(IActorRef actor, bool watch)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ref.Tell(new WatchRequest(actor, watch, done), null);
        if (!done.Task.Wait(_settings.DefaultTimeout))
        {
            throw new XunitException($"The probe {Path} did not {(watch ? "watch" : "unwatch")} {actor.Path} within {_settings.DefaultTimeout.TotalMilliseconds:0} ms.");
        }

        return actor;
    }
}

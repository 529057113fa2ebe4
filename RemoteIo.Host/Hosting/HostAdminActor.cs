using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;
using RemoteIo.ClientNode.Protocol;
using RemoteIo.Host.Gpio;

namespace RemoteIo.Host.Hosting;

/// <summary>
/// The host's administration actor at <c>/user/host</c>: answers the host_admin.proto requests
/// (<c>remoteio dump-transitions</c>). A refused request gets pins.proto's RequestRejected with
/// the reason in words.
/// </summary>
internal sealed class HostAdminActor : ReceiveActor
{
    /// <summary>The well-known name under <c>/user</c>.</summary>
    public const string Name = "host";

    /// <summary>Creates the actor.</summary>
    /// <param name="transitions">Writes the simulated transition log.</param>
    public HostAdminActor(TransitionLogWriter transitions)
    {
        Receive<DumpTransitions>(request =>
        {
            try
            {
                var dump = transitions.Write($"requested by {Sender.Path.Address}");
                Sender.Tell(new TransitionsDumped { RequestId = request.RequestId, Path = dump.Path, Rows = (uint)dump.Rows, Dropped = (ulong)dump.Dropped }, Self);
            }
            catch (InvalidOperationException e)
            {
                Sender.Tell(new RequestRejected { RequestId = request.RequestId, Reason = RejectReason.InvalidArgument, Message = e.Message }, Self);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Sender.Tell(new RequestRejected { RequestId = request.RequestId, Reason = RejectReason.Unspecified, Message = $"writing the transition log to {transitions.Path} failed: {e.Message}" }, Self);
            }
        });
    }

    /// <summary>The props.</summary>
    /// <param name="transitions">The transition log writer.</param>
    /// <returns>The props.</returns>
    public static Props Props(TransitionLogWriter transitions) => Actors.Kernel.Props.Create(() => new HostAdminActor(transitions));
}

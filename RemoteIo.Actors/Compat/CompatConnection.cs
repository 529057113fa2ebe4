using System.Net;
using Microsoft.Extensions.Logging;

namespace RemoteIo.Actors.Compat;

/// <summary>The lifetime both protocol engines give a connection: serve, log how it ended, always close the session.</summary>
internal static class CompatConnection
{
    /// <summary>Opens a connection's session; a backend that cannot (shutting down, fault) is logged and the connection is closed.</summary>
    /// <returns>The session, or null when the connection must close.</returns>
    public static TSession? TryOpen<TSession>(Func<TSession> open, string protocol, ILogger logger, IPEndPoint? client)
        where TSession : class
    {
        try
        {
            return open();
        }
        catch (Exception ex)
        {
            logger.ConnectionFailed(ex, protocol, client);
            return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="serve"/> until it returns or fails, then <paramref name="closeSession"/>;
    /// never throws. Cancellation (the endpoint stopping) and transport errors end the connection
    /// quietly; anything else is logged as an error.
    /// </summary>
    /// <param name="protocol">The protocol's name, for logs.</param>
    /// <param name="logger">Where failures go.</param>
    /// <param name="client">The client, for logs.</param>
    /// <param name="serve">The request loop.</param>
    /// <param name="closeSession">Closes the connection's session (soft close of its pins).</param>
    /// <param name="cancellationToken">The endpoint's stop signal.</param>
    public static async Task RunAsync(
        string protocol,
        ILogger logger,
        IPEndPoint? client,
        Func<Task> serve,
        Func<ValueTask> closeSession,
        CancellationToken cancellationToken)
    {
        try
        {
            await serve();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The endpoint is stopping.
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            logger.ConnectionEnded(ex, protocol, client);
        }
        catch (Exception ex)
        {
            logger.ConnectionFailed(ex, protocol, client);
        }
        finally
        {
            try
            {
                await closeSession();
            }
            catch (Exception ex)
            {
                logger.SessionCloseFailed(ex, protocol, client);
            }
        }
    }
}

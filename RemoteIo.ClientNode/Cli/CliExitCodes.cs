namespace RemoteIo.Cli;

/// <summary>The <c>remoteio</c> exit codes (docs/cli.md): stable, so shell scripts can branch on them.</summary>
public static class CliExitCodes
{
    /// <summary>Done: the command was accepted and (unless <c>--no-wait</c>) completed.</summary>
    public const int Ok = 0;

    /// <summary>Something else failed (the message says what).</summary>
    public const int Failed = 1;

    /// <summary>The command line is invalid (unknown command, bad number or duration, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>The host cannot be reached (refused, unreachable, connect timeout).</summary>
    public const int CannotConnect = 3;

    /// <summary>Authentication failed (wrong or missing secret, or the host could not prove it knows it).</summary>
    public const int AuthenticationFailed = 4;

    /// <summary>The pin is busy: another client owns it, or it still drains after its owner left.</summary>
    public const int PinBusy = 5;

    /// <summary>The host refused the request (not a GPIO, pin closed, invalid argument, shutting down, ...).</summary>
    public const int Rejected = 6;

    /// <summary>The connection was lost before the command completed (the host soft-closes the pin).</summary>
    public const int ConnectionLost = 7;

    /// <summary>The host did not answer in time, or <c>watch --timeout</c> ended before enough edges.</summary>
    public const int Timeout = 8;

    /// <summary>Interrupted (Ctrl-C): the session was closed.</summary>
    public const int Interrupted = 130;
}

namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>Where a notification handle's reports go: the connection that issued NOIB.</summary>
internal interface IPigpioReportSink
{
    /// <summary>Writes encoded reports in one send, in turn with the connection's replies.</summary>
    /// <param name="reports">Whole 12-byte reports.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask WriteAsync(ReadOnlyMemory<byte> reports, CancellationToken cancellationToken);
}

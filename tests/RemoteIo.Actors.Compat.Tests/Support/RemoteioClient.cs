using System.Text;

namespace RemoteIo.Actors.Compat.Tests.Support;

/// <summary>A remoteio client over a <see cref="PipeConnection"/>: sends a request, reads the reply (remoteio replies have no terminator, so the length is known in advance or read to the end).</summary>
public sealed class RemoteioClient(ICompatProtocolServer server) : IAsyncDisposable
{
    public PipeConnection Connection { get; } = new(server);

    public static string Request(string numbering, int pin, string command, double timeMs = 0, double arg1 = 0, double arg2 = 0) =>
        FormattableString.Invariant($"{numbering} {pin} {command} {timeMs} {arg1} {arg2} ");

    /// <summary>Sends <paramref name="request"/> and reads a reply of exactly <paramref name="expected"/>'s length, returning it.</summary>
    public async Task<string> ExchangeAsync(string request, string expected)
    {
        await Connection.SendAsync(Encoding.UTF8.GetBytes(request));
        return await ReceiveAsync(Encoding.UTF8.GetByteCount(expected));
    }

    public async Task<string> ReceiveAsync(int bytes) => Encoding.UTF8.GetString(await Connection.ReceiveAsync(bytes));

    public async Task SendAsync(string text) => await Connection.SendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Closes the client side and returns everything the server still sent.</summary>
    public async Task<string> CloseAndReadRestAsync()
    {
        var rest = Connection.ReceiveToEndAsync();
        await Connection.CloseAsync();
        return Encoding.UTF8.GetString(await rest);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

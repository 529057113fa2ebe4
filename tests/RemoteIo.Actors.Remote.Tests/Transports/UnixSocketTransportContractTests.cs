using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Transports;

/// <summary>The transport contract over Unix domain sockets in a temp directory, plus socket-file handling.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class UnixSocketTransportContractTests : TransportContractTests, IDisposable
{
    /// <summary>A private directory for this test's socket files.</summary>
    private readonly string _directory = Directory.CreateTempSubdirectory("remoteio-uds-").FullName;

    /// <summary>Numbers socket files.</summary>
    private int _next;

    protected override RemoteTransport Transport { get; } = RemoteTransport.UnixSocket();

    protected override ListenerExposure ExpectedExposure => ListenerExposure.RestrictedUnixSocket;

    protected override EndPoint NewListenEndPoint() => new UnixDomainSocketEndPoint(Path.Combine(_directory, $"s{++_next}.sock"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Listen_DefaultMode_SocketFileIs0660()
    {
        var listener = await ListenAsync();

        var mode = File.GetUnixFileMode(listener.LocalEndPoint.ToString()!);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, mode);
    }

    [Fact]
    public async Task Listen_WorldWritableMode_ExposureIsOpenUnixSocket()
    {
        var transport = RemoteTransport.UnixSocket(TransportOptions.Default.WithUnixSocketFileMode(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite));
        var endPoint = NewListenEndPoint();

        await using var listener = await transport.ListenAsync(endPoint);

        Assert.Equal(ListenerExposure.OpenUnixSocket, listener.Exposure);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite, File.GetUnixFileMode(endPoint.ToString()!));
    }

    [Fact]
    public async Task Listen_StaleSocketFileFromCrashedServer_IsReplaced()
    {
        var endPoint = NewListenEndPoint();
        var path = endPoint.ToString()!;
        // A crashed server leaves its socket file behind: bound, never unlinked, nobody listening.
        // (.NET unlinks the file it bound when the socket closes, so bind elsewhere and rename.)
        var boundElsewhere = path + ".crashed";
        using (var crashed = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            crashed.Bind(new UnixDomainSocketEndPoint(boundElsewhere));
            crashed.Listen();
            File.Move(boundElsewhere, path);
        }

        Assert.True(File.Exists(path), "the stale socket file must exist before the bind");
        await using var listener = await Transport.ListenAsync(endPoint);
        var accepting = listener.AcceptAsync().AsTask();
        var client = Track(await Transport.ConnectAsync(endPoint));

        Assert.NotNull(await accepting.WaitAsync(PipeTestExtensions.Guard));
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Listen_RegularFileWithDataAtPath_RefusesAndKeepsTheFile()
    {
        var endPoint = NewListenEndPoint();
        var path = endPoint.ToString()!;
        await File.WriteAllTextAsync(path, "precious");

        var error = await Assert.ThrowsAsync<TransportException>(() => Transport.ListenAsync(endPoint).AsTask());

        Assert.Contains("regular file", error.Message, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Listen_LiveServerOnPath_RefusesWithoutRemovingIt()
    {
        var live = await ListenAsync();

        var error = await Assert.ThrowsAsync<TransportException>(() => Transport.ListenAsync(live.LocalEndPoint).AsTask());

        Assert.Contains("another server is listening", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(live.LocalEndPoint.ToString()!));
    }

    [Fact]
    public async Task DisposeListener_RemovesSocketFile()
    {
        var endPoint = NewListenEndPoint();
        var listener = await Transport.ListenAsync(endPoint);

        await listener.DisposeAsync();

        Assert.False(File.Exists(endPoint.ToString()!));
    }
}

using System.Globalization;
using System.Net;
using RemoteIo.Actors.Compat.RemoteioText;
using RemoteIo.Actors.Compat.Tests.Fakes;
using RemoteIo.Actors.Compat.Tests.Support;

namespace RemoteIo.Actors.Compat.Tests.Clients;

/// <summary>The Python client written to remoteio's protocol (tests/clients/remoteio_client.py) against the remoteio endpoint on a loopback port.</summary>
public sealed class RemoteioClientScriptTests : IAsyncLifetime
{
    private readonly FakeRemoteioHost _host = new();
    private CompatListener _listener = null!;
    private IPEndPoint _endpoint = null!;

    public Task InitializeAsync()
    {
        _listener = new CompatListener(new RemoteioTextServer(_host), new CompatEndpointOptions());
        _endpoint = _listener.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _listener.DisposeAsync();

    [Theory]
    [InlineData("b", 7)]
    [InlineData("g", 4)]
    public async Task Demo_SeedExample_EveryCommandReachesTheHostInOrder(string numbering, int pin)
    {
        await RunAsync("demo", "--numbering", numbering, "--pin", pin.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(
            [("create", 0.0, 0.0, 0.0), ("on", 2000, 0, 0), ("blink", 0, 1, 1), ("blink", 1000, 0.1, 0.2), ("pulse", 0, 0, 0), ("value", 500, 0.25, 0), ("off", 0, 0, 0), ("close", 0, 0, 0)],
            _host.Log.Select(e => (e.Command, e.Duration.TotalMilliseconds, e.Arg1, e.Arg2)));
        Assert.All(_host.Log, e => Assert.Equal(4, e.Gpio));
    }

    [Theory]
    [InlineData("busy")]
    [InlineData("closed")]
    [InlineData("malformed")]
    [InlineData("split")]
    public async Task Scenario_AnswersAsRemoteioDoes(string scenario) => await RunAsync(scenario);

    private async Task RunAsync(params string[] arguments)
    {
        PythonScript.Require();
        await using var script = PythonScript.Start(
            "remoteio_client.py",
            [.. arguments, "--host", _endpoint.Address.ToString(), "--port", _endpoint.Port.ToString(CultureInfo.InvariantCulture)]);
        await script.PassAsync();
    }
}

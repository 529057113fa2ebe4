using System.Buffers.Binary;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RemoteIo.Actors.Compat.Hosting;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Hosting;
using RemoteIo.Actors.Pins;

namespace RemoteIo.Actors.Compat.Tests.Hosting;

/// <summary>The endpoints as a Generic Host runs them: after the pin domain, stopped in the coordinated shutdown.</summary>
public sealed class CompatEndpointsServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Host_PigpioEnabled_ServesThePinsAndStopClosesConnectionsWithPinsSafeAndReleased()
    {
        var chip = new SimulatedGpioChip(TimeProvider.System);
        using var host = Build(chip, "remoteio.compat.pigpio { enabled = on, port = 0 }");
        await host.StartAsync().WaitAsync(Patience);
        var endpoints = host.Services.GetRequiredService<CompatEndpointsService>().Endpoints!;
        Assert.Null(endpoints.RemoteioEndPoint);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(endpoints.PigpioEndPoint!);

        Assert.Equal(0, await RequestAsync(client, command: 4, gpio: 17, value: 1));
        Assert.True(chip.GetLevel(17).IsHigh);

        await host.StopAsync().WaitAsync(Patience);

        Assert.Equal(0, await client.ReceiveAsync(new byte[16]).WaitAsync(Patience));
        Assert.False(chip.GetLevel(17).IsHigh);
        using var late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(() => late.ConnectAsync(endpoints.PigpioEndPoint!));
    }

    [Fact]
    public async Task Host_BothOff_NoEndpoints()
    {
        using var host = Build(new SimulatedGpioChip(TimeProvider.System));

        await host.StartAsync().WaitAsync(Patience);

        Assert.Null(host.Services.GetRequiredService<CompatEndpointsService>().Endpoints);
        await host.StopAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task Host_NoPinDomain_StartFailsSayingWhatIsMissing()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddActorSystem("compat", b => b.WithHocon("remoteio.compat.pigpio { enabled = on, port = 0 }"));
        builder.Services.AddCompatEndpoints(_ => null);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync().WaitAsync(Patience));

        Assert.Contains("AddCompatEndpoints after AddActorSystem", error.Message, StringComparison.Ordinal);
        await host.StopAsync().WaitAsync(Patience);
    }

    [Fact]
    public void AddCompatEndpoints_Twice_OneService()
    {
        var services = new ServiceCollection();

        services.AddCompatEndpoints(_ => null).AddCompatEndpoints(_ => null);

        Assert.Single(services, d => d.ServiceType == typeof(CompatEndpointsService));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
    }

    private static IHost Build(SimulatedGpioChip chip, string hocon = "")
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        PinService? pins = null;
        builder.Services.AddActorSystem("compat", b => b
            .WithHocon(hocon)
            .WithActors((system, registry) =>
            {
                pins = PinService.Start(system, new SimulatedGpioDriver(chip));
                registry.Register<PinSupervisor>(pins.Supervisor);
            }));
        builder.Services.AddCompatEndpoints(_ => pins);
        return builder.Build();
    }

    /// <summary>One pigpio request and its result (pigpio's 16-byte little-endian request and reply).</summary>
    private static async Task<int> RequestAsync(Socket socket, uint command, uint gpio, uint value)
    {
        var request = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(request, command);
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(4), gpio);
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(8), value);
        await socket.SendAsync(request);
        var reply = new byte[16];
        var read = 0;
        while (read < reply.Length)
        {
            read += await socket.ReceiveAsync(reply.AsMemory(read)).AsTask().WaitAsync(Patience);
        }

        return BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(12));
    }
}

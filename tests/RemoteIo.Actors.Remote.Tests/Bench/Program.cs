namespace RemoteIo.Actors.Remote.Tests.Bench;

/// <summary>Entry point for the remoting measurements; tests never run it.</summary>
public static class Program
{
    /// <summary>
    /// <c>bench [seconds-per-case]</c> measures link round trips (p50/p99) and one-way throughput over
    /// TCP loopback and a Unix socket, at the link level and through actors.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["bench", ..])
        {
            await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project tests/RemoteIo.Actors.Remote.Tests -- bench [round-trips] [one-way-messages]");
            return 2;
        }

        var roundTrips = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000;
        var oneWay = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        await RemoteBench.RunAsync(roundTrips, oneWay);
        return 0;
    }
}

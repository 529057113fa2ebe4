using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The host executable. Later layers give it the actor system, endpoints and GPIO drivers;
// for now it is a Generic Host that starts, says so, and stops cleanly on SIGTERM / Ctrl-C.
var builder = Host.CreateApplicationBuilder(args);
using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RemoteIo.Host");
logger.LogInformation("RemoteIo host is up");
await host.RunAsync();

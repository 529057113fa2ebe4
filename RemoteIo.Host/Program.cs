using RemoteIo.Host;

// remoteio-host: parse the command line, then run the host until SIGTERM / Ctrl-C.
return await HostProgram.RunAsync(args);

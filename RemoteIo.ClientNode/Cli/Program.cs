// The `remoteio` command-line client; its commands arrive with the client facade.
return 0;

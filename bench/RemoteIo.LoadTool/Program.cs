// The load tool: drives a RemoteIo host with many clients and reports round trips and throughput.
return 0;

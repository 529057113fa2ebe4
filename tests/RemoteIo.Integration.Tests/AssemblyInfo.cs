// Integration tests start real hosts, sockets and timing threads; run one at a time so a test's
// real-clock behaviour is not starved by three other hosts on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// The clients are real processes on a real clock: one at a time keeps the 2-core machine's timing
// (and the run time) predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

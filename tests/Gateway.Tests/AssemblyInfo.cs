using Xunit;

// Two whole systems starting at once on a shared 2-core machine time out their migrations; one after the other is reliable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

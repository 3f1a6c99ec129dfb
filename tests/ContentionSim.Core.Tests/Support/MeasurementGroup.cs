namespace ContentionSim.Core.Tests.Support;

/// <summary>
/// Tests that measure the process (allocated bytes on all threads, heap size) run alone: no other
/// test runs while a test of this collection does.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementGroup
{
    public const string Name = "process measurements";
}

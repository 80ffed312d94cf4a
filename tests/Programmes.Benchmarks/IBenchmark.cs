namespace Programmes.Benchmarks;

/// <summary>A benchmark: found by reflection, run by name.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(string[] args);
}

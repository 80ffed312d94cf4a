using System.Reflection;
using Programmes.Benchmarks;

// Benchmarks print figures; they are not tests and assert no timings.
// Usage: tests/benchmark.sh <name> [args]   (or dotnet run -c Release --project tests/Programmes.Benchmarks -- <name>)
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .ToDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("Usage: benchmark <name> [args]. Benchmarks:");
    foreach (var b in benchmarks.Values.OrderBy(b => b.Name))
    {
        Console.Error.WriteLine($"  {b.Name,-24} {b.Description}");
    }
    return 2;
}

Console.WriteLine($"# {benchmark.Name}: {benchmark.Description}");
Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Environment.OSVersion}");
await benchmark.RunAsync(args[1..]);
return 0;

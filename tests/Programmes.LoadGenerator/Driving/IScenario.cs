namespace Programmes.LoadGenerator.Driving;

/// <summary>One kind of load: an operation repeated by the driver.</summary>
public interface IScenario
{
    /// <summary>Name of the whole operation in the figures.</summary>
    string Operation { get; }

    /// <summary>Registers clients, seeds what the operation needs.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Runs operation number <paramref name="n"/>; <paramref name="scheduledAt"/> is when it was due (a Stopwatch timestamp).</summary>
    Task RunOnceAsync(long n, long scheduledAt, CancellationToken cancellationToken);

    /// <summary>Prints what the scenario checks after the load (consistency, end-to-end latency).</summary>
    Task ReportAsync(CancellationToken cancellationToken);
}

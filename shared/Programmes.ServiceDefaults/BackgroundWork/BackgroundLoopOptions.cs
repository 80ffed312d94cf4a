namespace Programmes.ServiceDefaults;

/// <summary>Backoff of a failing background loop (<c>BackgroundLoops</c> section).</summary>
public sealed class BackgroundLoopOptions
{
    /// <summary>Delay after the first failure; doubles per consecutive failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Fault injection for tests, never configured in production: given a loop's name, the exception its next
    /// pass throws (null: none). Lets a test break any loop without switches in the loops themselves.
    /// </summary>
    public Func<string, Exception?>? InjectFault { get; set; }
}

using System.Diagnostics;
using System.Globalization;

namespace Programmes.LoadGenerator.Checking;

/// <summary>
/// The whole machine's busy CPU time (<c>/proc/stat</c>: user, nice, system, irq, softirq, steal) minus this
/// process's own, so a phase's CPU is everything the load made the machine do except generating it.
/// </summary>
public static class MachineCpu
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public static double BusySecondsExceptSelf()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Ticks(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        var busy = (Ticks(1) + Ticks(2) + Ticks(3) + Ticks(6) + Ticks(7) + Ticks(8)) / ClockTicksPerSecond;
        using var self = Process.GetCurrentProcess();
        return busy - self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>The 1, 5 and 15 minute load averages, as printed beside every figure.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}

using System.Diagnostics;

namespace Programmes.LoadGenerator.Targets;

/// <summary>Runs a command on the host (docker, mostly) and reads what it printed.</summary>
public static class Command
{
    /// <summary>The command's standard output, or null when it failed or is not installed.</summary>
    public static async Task<string?> RunAsync(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

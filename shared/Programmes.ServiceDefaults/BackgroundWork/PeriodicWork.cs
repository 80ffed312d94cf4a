namespace Programmes.ServiceDefaults;

public static class PeriodicWork
{
    /// <summary>Waits for the timer's next tick; false once the host is stopping (instead of throwing).</summary>
    public static async Task<bool> NextTickAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

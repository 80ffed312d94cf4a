namespace Programmes.Testing;

/// <summary>Polls with a deadline instead of sleeping: for effects that cross the broker.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? what = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (Exception ex)
            {
                last = ex;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}.", last);
    }

    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? what = null, T? _ = null) where T : struct =>
        (await GetAsync<object>(async () => await probe() is { } value ? value : null, timeout, what) as T?)!.Value;

    public static async Task TrueAsync(Func<Task<bool>> probe, TimeSpan? timeout = null, string? what = null) =>
        await GetAsync<object>(async () => await probe() ? new object() : null, timeout, what);
}

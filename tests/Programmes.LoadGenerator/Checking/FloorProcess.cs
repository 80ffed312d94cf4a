using System.Diagnostics;

namespace Programmes.LoadGenerator.Checking;

/// <summary>
/// The floor (tests/Programmes.Floor, built beside this generator) as its own process on 127.0.0.1, on the compose
/// system's PostgreSQL and RabbitMQ, checking tokens against the gateway's keys.
/// </summary>
public sealed class FloorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private FloorProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int Pid => _process.Id;

    public static async Task<FloorProcess> StartAsync(Uri gateway, string postgres, int port, HttpClient http, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Programmes.Floor.dll"), "--urls", url.ToString(), "--Floor:Postgres", postgres,
            "--Floor:Metadata", new Uri(gateway, "/.well-known/openid-configuration").ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The floor did not start.");
        var floor = new FloorProcess(process, url);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri(url, "/floor/counts"), cancellationToken);
                if (answer.IsSuccessStatusCode)
                {
                    return floor;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            if (DateTime.UtcNow >= deadline || process.HasExited)
            {
                await floor.DisposeAsync();
                throw new InvalidOperationException("The floor did not answer within 60 s.");
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

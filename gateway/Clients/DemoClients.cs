using System.Text.Json;

namespace Programmes.Gateway.Clients;

public sealed record DemoClient(string ClientId, string ClientSecret, string Role, string Subject, string? DisplayName);

/// <summary>
/// Seeds one client per role for local use and tests, from the JSON file named by <c>DemoClients:File</c>
/// or the <c>DemoClients:Clients</c> section. Nothing is seeded when neither is configured.
/// </summary>
internal static class DemoClients
{
    public static IReadOnlyList<DemoClient> Read(IConfiguration configuration)
    {
        if (configuration["DemoClients:File"] is { Length: > 0 } file)
        {
            return JsonSerializer.Deserialize<List<DemoClient>>(File.ReadAllText(file), JsonSerializerOptions.Web) ?? [];
        }
        return configuration.GetSection("DemoClients:Clients").Get<List<DemoClient>>() ?? [];
    }

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
        foreach (var client in Read(scope.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            if (!await registry.ExistsAsync(client.ClientId, cancellationToken))
            {
                try
                {
                    await registry.RegisterAsync(client.ClientId, client.ClientSecret, client.Role, client.Subject, client.DisplayName, cancellationToken);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Another gateway instance may have seeded it at the same moment; anything else is a real failure.
                    if (!await registry.ExistsAsync(client.ClientId, cancellationToken))
                    {
                        throw;
                    }
                }
            }
        }
    }
}

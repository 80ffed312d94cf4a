using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Programmes.Gateway.People;

/// <summary>A demo person; staff and operations carry a fixed, published TOTP key so that codes can be computed.</summary>
public sealed record DemoUser(string UserName, string Password, string Role, string Party, string? DisplayName = null, string? TotpKey = null);

/// <summary>
/// Seeds one person per role for local use and tests, from the JSON file named by <c>DemoUsers:File</c> or the
/// <c>DemoUsers:Users</c> section, beside the demo clients. Nothing is seeded when neither is configured, so no
/// published password or key exists anywhere else.
/// </summary>
internal static class DemoUsers
{
    public static IReadOnlyList<DemoUser> Read(IConfiguration configuration)
    {
        if (configuration["DemoUsers:File"] is { Length: > 0 } file)
        {
            return JsonSerializer.Deserialize<List<DemoUser>>(File.ReadAllText(file), JsonSerializerOptions.Web) ?? [];
        }
        return configuration.GetSection("DemoUsers:Users").Get<List<DemoUser>>() ?? [];
    }

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var demo in Read(services.GetRequiredService<IConfiguration>()))
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<GatewayUser>>();
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }
            var user = new GatewayUser
            {
                UserName = demo.UserName,
                Role = demo.Role,
                Party = demo.Party,
                DisplayName = demo.DisplayName,
                Status = UserStatus.Active,
                TwoFactorEnabled = demo.TotpKey is not null,
            };
            var created = await users.CreateAsync(user, demo.Password);
            if (!created.Succeeded)
            {
                // Another gateway instance may have seeded it at the same moment; anything else is a real failure.
                if (await users.FindByNameAsync(demo.UserName) is not null)
                {
                    continue;
                }
                throw new InvalidOperationException($"Demo user '{demo.UserName}': {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
            if (demo.TotpKey is not null)
            {
                await Sessions.SetAuthenticatorKeyAsync(users, user, demo.TotpKey);
            }
        }
    }
}

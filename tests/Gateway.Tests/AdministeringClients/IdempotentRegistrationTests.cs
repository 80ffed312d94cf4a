using Programmes.ServiceDefaults;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.AdministeringClients;

/// <summary>Registering a client takes an optional Idempotency-Key: a retry with it answers the first secret and creates nothing new.</summary>
[Collection(EdgeSystemCollection.Name)]
public sealed class IdempotentRegistrationTests(EdgeSystem system)
{
    [Fact]
    public async Task Registering_a_client()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var clientId = $"retry-test-{Guid.NewGuid():N}"[..24];
        await staff.ShouldBeIdempotentAsync(system, "gateway", "\"OpenIddictApplications\"", "/api/gateway/clients",
            new { clientId, role = Roles.Staff, displayName = "Retried office" },
            new { clientId, role = Roles.Staff, displayName = "Another office" });
    }
}

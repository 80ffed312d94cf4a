using Programmes.Testing;
using Xunit;

namespace Programmes.Messaging.IntegrationTests;

/// <summary>A fresh database and virtual host with one ledger host on them, shared by a test class.</summary>
public class LedgerFixture : IAsyncLifetime
{
    public LedgerHost Host { get; private set; } = null!;
    public string Database { get; private set; } = null!;
    public string RabbitMq { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings() => LedgerHost.QuickSettings();

    protected virtual void ConfigureRelay(OutboxRelayOptions options)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Database = await Infrastructure.CreateDatabaseAsync("messaging");
        RabbitMq = await Infrastructure.CreateVirtualHostAsync();
        Host = await LedgerHost.StartAsync(Database, RabbitMq, LedgerConsumers.Concurrent, Settings(), ConfigureRelay);
    }

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();
}

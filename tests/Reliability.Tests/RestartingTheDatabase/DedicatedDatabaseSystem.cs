using Programmes.Testing;
using Testcontainers.PostgreSql;

namespace Programmes.Reliability.Tests.RestartingTheDatabase;

/// <summary>A PostgreSQL of this class's own, holding every database of the system, on a fixed host port.</summary>
public sealed class DedicatedDatabaseSystem : ReliabilitySystem
{
    public PostgreSqlContainer Database { get; } = Infrastructure.Labelled(new PostgreSqlBuilder(Infrastructure.PostgresImage))
        .WithUsername(Infrastructure.User)
        .WithPassword(Infrastructure.Password)
        .WithDatabase("postgres_admin")
        .WithCommand("-c", "max_connections=300")
        .WithPortBinding(LoopbackPorts.Free(), PostgreSqlBuilder.PostgreSqlPort)
        .Build();

    public override async Task InitializeAsync()
    {
        await Database.StartAsync();
        await base.InitializeAsync();
    }

    protected override Task<string> CreateDatabaseAsync(string prefix) => Infrastructure.CreateDatabaseAsync(prefix, Database.GetConnectionString());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Programmes.Testing;

/// <summary>
/// One PostgreSQL and one RabbitMQ container per test process, shared by every test in it. Each test
/// class takes its own databases and its own RabbitMQ virtual host, so classes never see each other's
/// data or queues. Images come from PROGRAMMES_POSTGRES_IMAGE / PROGRAMMES_RABBITMQ_IMAGE (tests/run.sh
/// sets them to the offline stand-ins when the official images cannot be pulled).
/// </summary>
public static class Infrastructure
{
    public const string User = "programmes";
    public const string Password = "programmes";

    private static readonly Lazy<Task<Containers>> Started = new(StartAsync);

    public static string PostgresImage => Environment.GetEnvironmentVariable("PROGRAMMES_POSTGRES_IMAGE") is { Length: > 0 } image ? image : "postgres:15";
    public static string RabbitMqImage => Environment.GetEnvironmentVariable("PROGRAMMES_RABBITMQ_IMAGE") is { Length: > 0 } image ? image : "rabbitmq:3.10-management";

    /// <summary>The Aspire dashboard (PROGRAMMES_DASHBOARD_IMAGE), for the tests of what operators query; started by those tests only.</summary>
    public static string DashboardImage => Environment.GetEnvironmentVariable("PROGRAMMES_DASHBOARD_IMAGE") is { Length: > 0 } image ? image : "mcr.microsoft.com/dotnet/aspire-dashboard:13";

    public static Task<PostgreSqlContainer> PostgresAsync() => Started.Value.ContinueWith(t => t.Result.Postgres, TaskScheduler.Default);
    public static Task<RabbitMqContainer> RabbitMqAsync() => Started.Value.ContinueWith(t => t.Result.RabbitMq, TaskScheduler.Default);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix) =>
        await CreateDatabaseAsync(prefix, (await PostgresAsync()).GetConnectionString());

    /// <summary>Creates an empty database on the server <paramref name="server"/> connects to and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, string server)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Creates a RabbitMQ virtual host and returns an amqp:// URI for it.</summary>
    public static async Task<string> CreateVirtualHostAsync()
    {
        var rabbit = await RabbitMqAsync();
        var vhost = $"test-{Guid.NewGuid():N}";
        await ExecAsync(rabbit, "rabbitmqctl", "add_vhost", vhost);
        await ExecAsync(rabbit, "rabbitmqctl", "set_permissions", "-p", vhost, User, ".*", ".*", ".*");
        var uri = new UriBuilder(rabbit.GetConnectionString()) { Path = "/" + Uri.EscapeDataString(vhost) };
        return uri.Uri.ToString();
    }

    /// <summary>The RabbitMQ management API of the shared container (for dead-letter operations).</summary>
    public static async Task<string> RabbitMqManagementUrlAsync()
    {
        var rabbit = await RabbitMqAsync();
        return $"http://{rabbit.Hostname}:{rabbit.GetMappedPublicPort(15672)}/";
    }

    private static async Task ExecAsync(RabbitMqContainer rabbit, params string[] command)
    {
        var result = await rabbit.ExecAsync(command);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed: {result.Stderr}{result.Stdout}");
        }
    }

    private static async Task<Containers> StartAsync()
    {
        var postgres = Labelled(new PostgreSqlBuilder(PostgresImage))
            .WithUsername(User)
            .WithPassword(Password)
            .WithDatabase("postgres_admin")
            .WithCommand("-c", "max_connections=500")
            .Build();
        var rabbit = Labelled(new RabbitMqBuilder(RabbitMqImage))
            .WithUsername(User)
            .WithPassword(Password)
            .WithPortBinding(15672, assignRandomHostPort: true)
            .Build();
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());

        // Ryuk (the reaper) cannot be pulled here: remove our containers when the test process ends.
        // tests/run.sh also removes anything labelled by Testcontainers if a run is killed.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            Task.WhenAll(postgres.DisposeAsync().AsTask(), rabbit.DisposeAsync().AsTask()).Wait(TimeSpan.FromSeconds(20));
        return new Containers(postgres, rabbit);
    }

    /// <summary>
    /// tests/run.sh labels its run's containers so it removes exactly those, even after a crash. PostgreSQL
    /// also runs under Docker's init, as in compose: as PID 1 it would adopt orphaned exec'd processes and
    /// take one dying of a signal for a crashed backend, restarting the whole server.
    /// </summary>
    public static PostgreSqlBuilder Labelled(PostgreSqlBuilder builder)
    {
        builder = builder.WithCreateParameterModifier(container => (container.HostConfig ??= new()).Init = true);
        return RunId is { } id ? builder.WithLabel(RunLabelKey, id) : builder;
    }

    public static RabbitMqBuilder Labelled(RabbitMqBuilder builder) => RunId is { } id ? builder.WithLabel(RunLabelKey, id) : builder;

    public static ContainerBuilder Labelled(ContainerBuilder builder) => RunId is { } id ? builder.WithLabel(RunLabelKey, id) : builder;

    private const string RunLabelKey = "programmes.test-run";

    private static string? RunId => Environment.GetEnvironmentVariable("PROGRAMMES_TEST_RUN_ID") is { Length: > 0 } id ? id : null;

    private sealed record Containers(PostgreSqlContainer Postgres, RabbitMqContainer RabbitMq);
}

using Npgsql;
using Programmes.Messaging;
using Xunit;

namespace Programmes.UnitTests.Messaging;

/// <summary>Every process's connections prepare their statements and skip the reset on return, unless its connection string says otherwise.</summary>
public sealed class DatabaseConnectionsTests
{
    [Fact]
    public void Connections_prepare_their_statements_and_are_not_reset_on_return_by_default()
    {
        using var dataSource = DatabaseConnections.Build("Host=db;Database=intake");
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.True(settings.NoResetOnClose);
    }

    [Fact]
    public void A_connection_string_that_sets_them_keeps_its_values()
    {
        using var dataSource = DatabaseConnections.Build("Host=db;Database=intake;Max Auto Prepare=0;No Reset On Close=false");
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Programmes.Funding.Persistence;
using Programmes.Testing;
using Xunit;

namespace Programmes.Funding.Tests.ExactMoney;

/// <summary>The ExactMoney migration on rows stored the old way: rounded by the money rule, sums rebuilt, residue reported.</summary>
public sealed class ExactMoneyMigrationTests
{
    private const string Donor = "00000000-0000-0000-0000-0000000000d1";
    private const string Pledge = "00000000-0000-0000-0000-0000000000e1";
    private const string JpyPledge = "00000000-0000-0000-0000-0000000000e2";

    /// <summary>
    /// Payment 1: the incident's USD 100 at 13% (88.4955… + 11.5044…). Payment 2: rounding alone would make it draw 100.01 of
    /// 100.00. Programme B: three allocations of 10.006, 10.006 and 29.988 that round to 50.01 against a budget of 50.
    /// Payment 3 (USD 60) funds them. Payment 4: JPY 1,500.4 (JPY has no minor unit).
    /// </summary>
    private const string OldRows = $$"""
        INSERT INTO donors VALUES ('{{Donor}}', 'DONOR-NOR', 'Norway', 'MemberState', 'NOR', NULL, NULL, NULL, '{}', now());
        INSERT INTO exchange_rates VALUES ('JPY', '2026-01-01', 150.2512345678, now());
        INSERT INTO pledges (id, donor_id, amount, currency, amount_usd, pledge_date, rate_month, agreement_reference, earmarking, recorded_at)
            VALUES ('{{Pledge}}', '{{Donor}}', 1000, 'USD', 1000, '2026-01-05', '2026-01-01', 'AGR', 'Unearmarked', now()),
                   ('{{JpyPledge}}', '{{Donor}}', 3000, 'JPY', 19.966556, '2026-01-05', '2026-01-01', 'AGR', 'Unearmarked', now());
        INSERT INTO payments VALUES
            ('00000000-0000-0000-0000-000000000001', '{{Pledge}}', '{{Donor}}', 100, 'USD', 100, '2026-01-05', '2026-01-01', 'B1', now(), 100),
            ('00000000-0000-0000-0000-000000000002', '{{Pledge}}', '{{Donor}}', 100.004, 'USD', 100.004, '2026-01-05', '2026-01-01', 'B2', now(), 100.004),
            ('00000000-0000-0000-0000-000000000003', '{{Pledge}}', '{{Donor}}', 60, 'USD', 60, '2026-01-05', '2026-01-01', 'B3', now(), 50),
            ('00000000-0000-0000-0000-000000000004', '{{JpyPledge}}', '{{Donor}}', 1500.4, 'JPY', 9.98595, '2026-01-05', '2026-01-01', 'B4', now(), 0);
        INSERT INTO programmes VALUES
            ('00000000-0000-0000-0000-0000000000a1', '{KEN}', '{}', 1000, 88.49557522123893805309734513, 11.50442477876106194690265487, false, 1, now(), now()),
            ('00000000-0000-0000-0000-0000000000a2', '{KEN}', '{}', 1000, 88.4991, 11.5051, false, 1, now(), now()),
            ('00000000-0000-0000-0000-0000000000b1', '{KEN}', '{}', 50, 50, 0, true, 3, now(), now());
        INSERT INTO allocations VALUES
            ('00000000-0000-0000-0000-000000000a11', '00000000-0000-0000-0000-0000000000a1', 1, '00000000-0000-0000-0000-000000000001', '{{Donor}}',
                'Voluntary', 'Unearmarked', 88.49557522123893805309734513, 11.50442477876106194690265487, 0, now()),
            ('00000000-0000-0000-0000-000000000a21', '00000000-0000-0000-0000-0000000000a2', 1, '00000000-0000-0000-0000-000000000002', '{{Donor}}',
                'Voluntary', 'Unearmarked', 88.4991, 11.5051, 0, now()),
            ('00000000-0000-0000-0000-000000000b11', '00000000-0000-0000-0000-0000000000b1', 1, '00000000-0000-0000-0000-000000000003', '{{Donor}}',
                'Voluntary', 'Unearmarked', 10.006, 0, 0, now()),
            ('00000000-0000-0000-0000-000000000b12', '00000000-0000-0000-0000-0000000000b1', 2, '00000000-0000-0000-0000-000000000003', '{{Donor}}',
                'Voluntary', 'Unearmarked', 10.006, 0, 0, now()),
            ('00000000-0000-0000-0000-000000000b13', '00000000-0000-0000-0000-0000000000b1', 3, '00000000-0000-0000-0000-000000000003', '{{Donor}}',
                'Voluntary', 'Unearmarked', 29.988, 0, 0, now());
        """;

    [Fact]
    public async Task Old_rows_are_rounded_half_to_even_sums_rebuilt_within_receipts_and_budgets_and_the_residue_reported()
    {
        var notices = new List<string>();
        await using var connection = new NpgsqlConnection(await Infrastructure.CreateDatabaseAsync("fundingmoney"));
        connection.Notice += (_, e) => notices.Add(e.Notice.MessageText);
        await connection.OpenAsync();
        await using var db = new FundingDb(new DbContextOptionsBuilder<FundingDb>().UseNpgsql(connection).UseSnakeCaseNamingConvention().Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261127040311_Initial");
        await Exec(connection, OldRows);

        await migrator.MigrateAsync();

        Assert.Equal(["88.50|11.50", "88.50|11.50", "10.01|0.00", "10.01|0.00", "29.98|0.00"],
            await Rows(connection, "SELECT amount_usd || '|' || support_cost_usd FROM allocations ORDER BY id"));
        Assert.Equal(["100.00|100.00", "100.00|100.00", "60.00|50.00", "9.99|0.00"],
            await Rows(connection, "SELECT amount_usd || '|' || allocated_usd FROM payments ORDER BY id"));
        Assert.Equal(["1500.000"], await Rows(connection, "SELECT amount::text FROM payments WHERE currency = 'JPY'"));
        Assert.Equal(["88.50|11.50", "88.50|11.50", "50.00|0.00"],
            await Rows(connection, "SELECT allocated_usd || '|' || support_cost_usd FROM programmes ORDER BY programme_id"));
        Assert.Equal(["150.251235"], await Rows(connection, "SELECT units_per_usd::text FROM exchange_rates"));
        Assert.Equal(["numeric(18,2)", "numeric(18,3)", "numeric(18,6)"], await Rows(connection,
            "SELECT DISTINCT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid IN ('allocations'::regclass, 'payments'::regclass, " +
            "'exchange_rates'::regclass) AND format_type(atttypid, atttypmod) LIKE 'numeric%' ORDER BY 1"));

        Assert.True(notices.Exists(n => n.Contains("1 rows of payments in JPY rounded to the minor unit; residue 0.4 JPY", StringComparison.Ordinal)), string.Join("\n", notices));
        Assert.True(notices.Exists(n => n.Contains("payment 00000000-0000-0000-0000-000000000002 drew 100.01 USD of 100.00 USD received; 0.01 USD given back", StringComparison.Ordinal)), string.Join("\n", notices));
        Assert.True(notices.Exists(n => n.Contains("programme 00000000-0000-0000-0000-0000000000b1 held 50.01 USD against a 50", StringComparison.Ordinal) && n.EndsWith("0.01 USD released", StringComparison.Ordinal)), string.Join("\n", notices));
        Assert.True(notices.Exists(n => n.Contains("payments received 269.98995 USD before and 269.99 USD after", StringComparison.Ordinal)), string.Join("\n", notices));
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> Rows(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}

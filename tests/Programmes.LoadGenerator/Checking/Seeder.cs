using System.Diagnostics;
using Npgsql;
using Programmes.LoadGenerator.Targets;
using Programmes.ReferenceData;

namespace Programmes.LoadGenerator.Checking;

/// <summary>
/// <c>seed</c>: adds rows straight into the services' tables with one <c>INSERT ... SELECT generate_series</c> per
/// table (bulk, in the server), so the costs that grow with the data can be measured. Columns named below get
/// realistic values (193 States, statuses spread over the lifecycle, dates over three years); every other NOT NULL
/// column without a default gets its type's empty value, read from the live schema, so the seeding follows the
/// migrations. Funding's pledges reference one seeded donor.
/// </summary>
internal sealed class Seeder(Target target, SeedSizes sizes)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var states = "ARRAY[" + string.Join(',', Reference.MemberStates.Keys.Order(StringComparer.Ordinal).Take(sizes.States).Select(s => $"'{s}'")) + "]";
        var state = $"({states})[1 + i % {Math.Min(sizes.States, Reference.MemberStates.Count)}]";
        var day = "now() - make_interval(secs => i * 90)";
        await SeedAsync("intake", "assistance_requests", sizes.Requests, new()
        {
            ["id"] = "md5('request' || i)::uuid",
            ["state_code"] = state,
            ["origin"] = "'MemberState'",
            ["status"] = "(ARRAY['Submitted','InformationRequested','Accepted','Declined','Accepted','Declined'])[1 + i % 6]",
            ["requesting_authority"] = "'Seeded ministry ' || i",
            ["needs"] = "'Seeded needs ' || i",
            ["thematic_areas"] = "ARRAY[(ARRAY['RATIFICATION','LEGISLATIVE-INCORPORATION','CRIMINAL-JUSTICE','FINANCING-OF-TERRORISM'])[1 + i % 4]]",
            ["desired_start"] = "(current_date + (i % 400))",
            ["submitted_at"] = day,
            ["updated_at"] = day,
            ["state_consented"] = "true",
            ["referral_id"] = "NULL",
        }, cancellationToken);
        await SeedAsync("intake", "audit_entries", sizes.AuditEntries, new()
        {
            ["id"] = "md5('audit' || i)::uuid",
            ["action"] = "'Submitted'",
            ["actor_client_id"] = "'seed'",
            ["actor_party"] = state,
            ["actor_role"] = "'state'",
            ["object_type"] = "'AssistanceRequest'",
            ["object_id"] = "md5('request' || i)::uuid::text",
            ["at"] = day,
        }, cancellationToken);
        await SeedAsync("planning", "programmes", sizes.Programmes, new()
        {
            ["id"] = "md5('programme' || i)::uuid",
            ["title"] = "'Seeded programme ' || i",
            ["scope"] = "'National'",
            ["status"] = "(ARRAY['Draft','Proposed','Approved','Draft'])[1 + i % 4]",
            ["state_codes"] = $"ARRAY[{state}]",
            ["created_at"] = day,
            ["updated_at"] = day,
        }, cancellationToken);
        await SeedAsync("funding", "donors", 1, new() { ["id"] = "'00000000-0000-0000-0000-00000000d0a0'::uuid", ["name"] = "'Seeded donor'", ["kind"] = "'Government'" }, cancellationToken, onConflict: true);
        await SeedAsync("funding", "pledges", sizes.Contributions, new()
        {
            ["id"] = "md5('pledge' || i)::uuid",
            ["donor_id"] = "'00000000-0000-0000-0000-00000000d0a0'::uuid",
            ["currency"] = "'USD'",
            ["amount"] = "1000 + i % 100000",
            ["earmarking"] = "'Unearmarked'",
            ["agreement_reference"] = "'SEED-' || i",
            ["pledge_date"] = "(current_date - (i % 1000))",
            ["recorded_at"] = day,
        }, cancellationToken);
    }

    private async Task SeedAsync(string database, string table, int rows, Dictionary<string, string> values, CancellationToken cancellationToken, bool onConflict = false)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(target.PlanningDb) { Database = database, CommandTimeout = 0 }.ConnectionString;
        await using var source = NpgsqlDataSource.Create(connectionString);
        var columns = new List<(string Name, string Value)>();
        await using (var schema = source.CreateCommand("""
            SELECT column_name, data_type, udt_name, is_nullable = 'YES', column_default IS NOT NULL OR is_identity = 'YES' OR is_generated = 'ALWAYS'
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position
            """))
        {
            schema.Parameters.Add(new NpgsqlParameter { Value = table });
            await using var read = await schema.ExecuteReaderAsync(cancellationToken);
            while (await read.ReadAsync(cancellationToken))
            {
                var (name, type, udt, nullable, hasDefault) = (read.GetString(0), read.GetString(1), read.GetString(2), read.GetBoolean(3), read.GetBoolean(4));
                if (values.TryGetValue(name, out var value))
                {
                    columns.Add((name, value));
                }
                else if (!nullable && !hasDefault && name != "xmin")
                {
                    columns.Add((name, Empty(type, udt)));
                }
            }
        }
        if (columns.Count == 0)
        {
            Console.WriteLine($"seed: {database}.{table} not found; skipped");
            return;
        }
        var clock = Stopwatch.StartNew();
        await using var insert = source.CreateCommand($"""
            INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))})
            SELECT {string.Join(", ", columns.Select(c => c.Value))} FROM generate_series(1, {rows}) AS i{(onConflict ? " ON CONFLICT DO NOTHING" : "")};
            ANALYZE {table};
            """);
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
            Console.WriteLine($"seed: {database}.{table} +{rows:N0} rows in {clock.Elapsed.TotalSeconds:F0} s");
        }
        catch (PostgresException ex)
        {
            Console.WriteLine($"seed: {database}.{table} not seeded ({ex.SqlState} {ex.MessageText}: {ex.Detail})");
        }
    }

    private static string Empty(string type, string udt) => type switch
    {
        "ARRAY" => $"'{{}}'::{udt[1..]}[]",
        "text" or "character varying" or "character" => "''",
        "jsonb" or "json" => "'{}'",
        "boolean" => "false",
        "uuid" => "gen_random_uuid()",
        "date" => "current_date",
        "timestamp with time zone" or "timestamp without time zone" => "now()",
        _ => "0",
    };
}

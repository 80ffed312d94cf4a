using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.FundingProgramme;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ProgrammePlanning.PlanningIntake;
using Programmes.ProgrammePlanning.ReportingImplementation;
using Programmes.ReferenceData;
using Programmes.Testing;

namespace Programmes.Benchmarks;

/// <summary>
/// The implementation report over 5,000 programmes and 50,000 activities (plus requests, funding and
/// results), seeded in bulk with PostgreSQL COPY; times report generation. Goal: under 2 s.
/// Args: [programmes] [activities per programme] [runs].
/// </summary>
public sealed class PlanningReportBenchmark : IBenchmark
{
    public string Name => "planning-report";
    public string Description => "implementation report over 5,000 programmes / 50,000 activities (goal < 2 s)";

    public async Task RunAsync(string[] args)
    {
        var programmes = args.Length > 0 ? int.Parse(args[0]) : 5_000;
        var perProgramme = args.Length > 1 ? int.Parse(args[1]) : 10;
        var runs = args.Length > 2 ? int.Parse(args[2]) : 10;
        var connectionString = await Infrastructure.CreateDatabaseAsync("planning-benchmark");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var options = new DbContextOptionsBuilder<PlanningDb>().UseNpgsql(dataSource).UseSnakeCaseNamingConvention().Options;
        await using (var db = new PlanningDb(options))
        {
            await db.Database.MigrateAsync();
        }

        var seeding = Stopwatch.StartNew();
        var counts = await SeedAsync(dataSource, programmes, perProgramme);
        Console.WriteLine($"seeded {counts} in {seeding.Elapsed.TotalSeconds:F1} s");

        var latency = new Latency();
        ImplementationReportDocument? report = null;
        for (var i = 0; i < runs + 1; i++)
        {
            await using var db = new PlanningDb(options);
            var watch = Stopwatch.StartNew();
            report = await ImplementationReport.BuildAsync(db, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), DateTimeOffset.UtcNow, CancellationToken.None);
            var csv = ImplementationReportCsv.Write(report);
            watch.Stop();
            if (i > 0)
            {
                // The first run pays for EF model building and JIT; the figures are for a warm service.
                latency.Add(watch.Elapsed);
            }
            else
            {
                Console.WriteLine($"cold run {watch.Elapsed.TotalMilliseconds:F0} ms ({csv.Length:N0} CSV characters)");
            }
        }
        Console.WriteLine($"report (JSON document + CSV), warm: {latency.Summary()}");
        Console.WriteLine($"goal 2000 ms; p50 is {latency.Percentile(50) / 2000:P0} of it");
        Console.WriteLine($"totals: {report!.Totals}");
    }

    private static async Task<string> SeedAsync(NpgsqlDataSource dataSource, int programmeCount, int perProgramme)
    {
        var random = new Random(2017);
        var areas = Reference.ThematicAreas.Keys.ToArray();
        var modalities = Reference.DeliveryModalities.Keys.ToArray();
        var states = Reference.MemberStates.Keys.ToArray();
        var start = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset At() => start.AddMinutes(random.Next(0, 60 * 24 * 540));
        await using var connection = await dataSource.OpenConnectionAsync();

        var programmes = new List<(Guid Id, string[] States, string[] Areas, DateTimeOffset? Approved)>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY programmes (id, title, objectives, scope, state_codes, thematic_areas, instruments, request_ids, budget_usd, status, cleared, fully_funded, concerns_open, clearance_concerns, joint_partners, created_at, updated_at, first_approved_at, approved_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < programmeCount; i++)
            {
                var p = (Id: Guid.CreateVersion7(), States: states.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray(),
                    Areas: areas.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray(), Approved: random.Next(5) == 0 ? (DateTimeOffset?)null : At());
                programmes.Add(p);
                await copy.StartRowAsync();
                await copy.WriteAsync(p.Id);
                await copy.WriteAsync($"Programme {i}");
                await copy.WriteAsync("Seeded for the benchmark");
                await copy.WriteAsync(p.States.Length > 1 ? nameof(ProgrammeScope.Regional) : nameof(ProgrammeScope.National));
                await copy.WriteAsync(p.States);
                await copy.WriteAsync(p.Areas);
                await copy.WriteAsync(Array.Empty<string>());
                await copy.WriteAsync(new[] { Guid.NewGuid() });
                await copy.WriteAsync(0m);
                await copy.WriteAsync(p.Approved is null ? nameof(ProgrammeStatus.Proposed) : nameof(ProgrammeStatus.InDelivery));
                await copy.WriteAsync(p.Approved is not null);
                await copy.WriteAsync(p.Approved is not null);
                await copy.WriteAsync(false);
                await copy.WriteAsync(Array.Empty<string>());
                await copy.WriteAsync(Array.Empty<string>());
                await copy.WriteAsync(start, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(start, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await Nullable(copy, p.Approved);
                await Nullable(copy, p.Approved);
            }
            await copy.CompleteAsync();
        }

        var activities = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY activities (id, programme_id, title, modality, thematic_area, planned_start, planned_end, state_code, online, planned_women, planned_men, planned_other, target_institutions, experts_usd, travel_usd, venue_usd, translation_usd, other_usd, budget_usd, delivered_at, actual_start, actual_end, actual_women, actual_men, actual_other, participants_by_institution, spent_usd) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in programmes)
            {
                for (var a = 0; a < perProgramme; a++, activities++)
                {
                    var planned = DateOnly.FromDateTime(At().UtcDateTime);
                    var delivered = p.Approved is not null && random.Next(3) > 0;
                    var budget = random.Next(1_000, 60_000);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7());
                    await copy.WriteAsync(p.Id);
                    await copy.WriteAsync($"Activity {a}");
                    await copy.WriteAsync(modalities[random.Next(modalities.Length)]);
                    await copy.WriteAsync(p.Areas[random.Next(p.Areas.Length)]);
                    await copy.WriteAsync(planned);
                    await copy.WriteAsync(planned.AddDays(3));
                    await copy.WriteAsync(p.States[random.Next(p.States.Length)]);
                    await copy.WriteAsync(false);
                    await copy.WriteAsync(10);
                    await copy.WriteAsync(10);
                    await copy.WriteAsync(1);
                    await copy.WriteAsync(new[] { "POLICE" });
                    await copy.WriteAsync((decimal)budget);
                    await copy.WriteAsync(0m);
                    await copy.WriteAsync(0m);
                    await copy.WriteAsync(0m);
                    await copy.WriteAsync(0m);
                    await copy.WriteAsync((decimal)budget);
                    await Nullable(copy, delivered ? p.Approved : null);
                    if (delivered)
                    {
                        await copy.WriteAsync(planned);
                        await copy.WriteAsync(planned.AddDays(3));
                    }
                    else
                    {
                        await copy.WriteNullAsync();
                        await copy.WriteNullAsync();
                    }
                    await copy.WriteAsync(delivered ? random.Next(0, 30) : 0);
                    await copy.WriteAsync(delivered ? random.Next(0, 30) : 0);
                    await copy.WriteAsync(delivered ? random.Next(0, 3) : 0);
                    await copy.WriteAsync("{}", NpgsqlTypes.NpgsqlDbType.Jsonb);
                    await copy.WriteAsync(delivered ? (decimal)budget : 0m);
                }
            }
            await copy.CompleteAsync();
        }
        await using (var budgets = new NpgsqlCommand(
            "UPDATE programmes p SET budget_usd = s.total FROM (SELECT programme_id, sum(budget_usd) AS total FROM activities GROUP BY programme_id) s WHERE s.programme_id = p.id", connection))
        {
            await budgets.ExecuteNonQueryAsync();
        }

        var requests = programmeCount * 2;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY planning_intake_items (request_id, state_code, thematic_areas, instruments, submitted_at, received_at, accepted_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < requests; i++)
            {
                var submitted = At();
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.NewGuid());
                await copy.WriteAsync(states[random.Next(states.Length)]);
                await copy.WriteAsync(areas.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray());
                await copy.WriteAsync(Array.Empty<string>());
                await copy.WriteAsync(submitted, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(submitted, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await Nullable(copy, random.Next(3) > 0 ? submitted.AddDays(20) : null);
            }
            await copy.CompleteAsync();
        }

        var allocations = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY funding_movements (allocation_id, kind, programme_id, donor_id, donor_name, source, amount_usd, support_cost_usd, at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in programmes.Where(p => p.Approved is not null))
            {
                for (var k = 0; k < 2; k++, allocations++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.NewGuid());
                    await copy.WriteAsync(nameof(FundingMovementKind.Allocated));
                    await copy.WriteAsync(p.Id);
                    await copy.WriteAsync(Guid.NewGuid());
                    await copy.WriteAsync("Donor");
                    await copy.WriteAsync("VOLUNTARY");
                    await copy.WriteAsync((decimal)random.Next(10_000, 200_000));
                    await copy.WriteAsync(0m);
                    await copy.WriteAsync(At(), NpgsqlTypes.NpgsqlDbType.TimestampTz);
                }
            }
            await copy.CompleteAsync();
        }

        await using (var results = new NpgsqlCommand(
            "INSERT INTO programme_results (id, programme_id, kind, description, state_code, count, date, recorded_at) " +
            "SELECT gen_random_uuid(), id, (ARRAY['LawDrafted','LawAmended','OfficialsTrained','ToolPublished'])[1 + (random() * 3)::int], 'Seeded', state_codes[1], 10, " +
            "DATE '2026-01-01' + (random() * 364)::int, now() FROM programmes WHERE first_approved_at IS NOT NULL", connection))
        {
            await results.ExecuteNonQueryAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        return $"{programmeCount:N0} programmes, {activities:N0} activities, {requests:N0} requests, {allocations:N0} allocations";
    }

    private static async Task Nullable(NpgsqlBinaryImporter copy, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            await copy.WriteAsync(at, NpgsqlTypes.NpgsqlDbType.TimestampTz);
        }
        else
        {
            await copy.WriteNullAsync();
        }
    }
}

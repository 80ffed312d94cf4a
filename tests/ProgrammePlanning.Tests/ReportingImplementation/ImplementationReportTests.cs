using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Programmes.ProgrammePlanning.FundingProgramme;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ProgrammePlanning.PlanningIntake;
using Programmes.ProgrammePlanning.RecordingResults;
using Programmes.ReferenceData;
using Programmes.Testing;
using Xunit;

namespace Programmes.ProgrammePlanning.Tests.ReportingImplementation;

/// <summary>
/// The report on a seeded data set, every figure recomputed here from the seed by plain counting:
/// per thematic area, per operative paragraph (a thing counts once per paragraph) and in total.
/// </summary>
public sealed class ImplementationReportTests(PlanningSystem system) : IClassFixture<PlanningSystem>
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 6, 30);

    [Fact]
    public async Task Figures_match_the_seeded_data_per_paragraph_area_modality_and_regional_group()
    {
        var seed = Seed.Generate(new Random(2017));
        using (var scope = system.ServiceApps[Services.Planning].Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanningDb>();
            db.IntakeItems.AddRange(seed.Requests);
            db.Programmes.AddRange(seed.Programmes);
            db.FundingMovements.AddRange(seed.Funding);
            db.Results.AddRange(seed.Results);
            await db.SaveChangesAsync();
        }
        var staff = await system.ClientAsync(TestClients.Staff);

        var report = await staff.GetAsync($"/api/planning/reports/implementation?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}").ShouldBeJson(HttpStatusCode.OK);

        AssertFigures(seed, _ => true, report.GetProperty("totals"), "total");
        foreach (var row in report.GetProperty("byThematicArea").EnumerateArray())
        {
            var area = row.GetProperty("thematicArea").GetString()!;
            AssertFigures(seed, areas => areas.Contains(area), row.GetProperty("figures"), area);
        }
        Assert.Equal(15, report.GetProperty("byOperativeParagraph").GetArrayLength());
        foreach (var row in report.GetProperty("byOperativeParagraph").EnumerateArray())
        {
            var op = row.GetProperty("operativeParagraph").GetInt32();
            AssertFigures(seed, areas => areas.Any(a => Reference.ThematicAreas[a].OperativeParagraphs.Contains(op)), row.GetProperty("figures"), $"op. {op}");
        }
        var delivered = seed.Delivered().ToList();
        foreach (var row in report.GetProperty("activitiesDeliveredByModality").EnumerateArray())
        {
            var inModality = delivered.Where(d => d.Activity.Modality == row.GetProperty("modality").GetString()).ToList();
            Assert.Equal(inModality.Count, row.GetProperty("activitiesDelivered").GetInt32());
            Assert.Equal(inModality.Sum(d => d.Activity.ActualWomen), row.GetProperty("participants").GetProperty("women").GetInt32());
        }
        var assisted = delivered.SelectMany(d => d.States).Distinct().ToList();
        foreach (var row in report.GetProperty("statesAssistedByRegionalGroup").EnumerateArray())
        {
            var expected = assisted.Where(s => Reference.MemberStates[s].RegionalGroup == row.GetProperty("regionalGroup").GetString()).Order().ToList();
            Assert.Equal(expected, row.GetProperty("states").EnumerateArray().Select(s => s.GetString()!));
        }
        Assert.True(report.GetProperty("totals").GetProperty("activitiesDelivered").GetInt32() > 10, "the seed should deliver activities in the period");

        var csv = await (await staff.GetAsync($"/api/planning/reports/implementation?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&format=csv")
            .ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("dimension,key,name,requests_received", lines[0]);
        Assert.Equal(1 + 15 + 15 + Reference.DeliveryModalities.Count + Reference.RegionalGroups.Count + 1, lines.Length);
        var total = lines[^1].Split(',');
        Assert.Equal(report.GetProperty("totals").GetProperty("requestsReceived").GetInt32().ToString(CultureInfo.InvariantCulture), total[3]);
        Assert.Equal(report.GetProperty("totals").GetProperty("fundsAllocatedUsd").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture), total[16]);
    }

    [Fact]
    public async Task A_period_is_required_and_must_be_ordered()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var problem = await staff.GetAsync("/api/planning/reports/implementation?from=2026-06-30&to=2026-01-01&format=xls").ShouldBeJson(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _));
        await (await system.ClientAsync(TestClients.StateKenya)).GetAsync("/api/planning/reports/implementation?from=2026-01-01&to=2026-06-30")
            .ShouldBe(HttpStatusCode.Forbidden);
    }

    private static void AssertFigures(Seed seed, Func<IReadOnlyCollection<string>, bool> under, JsonElement f, string row)
    {
        bool In(DateTimeOffset? at) => at is { } t && DateOnly.FromDateTime(t.UtcDateTime) >= From && DateOnly.FromDateTime(t.UtcDateTime) <= To;
        bool InDate(DateOnly? d) => d is { } x && x >= From && x <= To;
        var programmes = seed.Programmes.Where(p => p.Status != ProgrammeStatus.Draft).ToDictionary(p => p.Id);
        var delivered = seed.Delivered().Where(d => under([d.Activity.ThematicArea])).ToList();
        var results = seed.Results.Where(r => InDate(r.Date) && under(programmes[r.ProgrammeId].ThematicAreas)).ToList();

        var expected = new Dictionary<string, decimal>
        {
            ["requestsReceived"] = seed.Requests.Count(r => In(r.SubmittedAt) && under(r.ThematicAreas)),
            ["requestsAccepted"] = seed.Requests.Count(r => In(r.AcceptedAt) && under(r.ThematicAreas)),
            ["programmesApproved"] = programmes.Values.Count(p => In(p.FirstApprovedAt) && under(p.ThematicAreas)),
            ["activitiesDelivered"] = delivered.Count,
            ["statesAssisted"] = delivered.SelectMany(d => d.States).Distinct().Count(),
            ["ratifications"] = results.Count(r => r.Kind == ResultKind.Ratification && r.RatificationStatus == "Ratified"),
            ["lawsDrafted"] = results.Count(r => r.Kind == ResultKind.LawDrafted),
            ["lawsAmended"] = results.Count(r => r.Kind == ResultKind.LawAmended),
            ["officialsTrained"] = results.Where(r => r.Kind == ResultKind.OfficialsTrained).Sum(r => r.Count ?? 0),
            ["toolsPublished"] = results.Count(r => r.Kind == ResultKind.ToolPublished),
            ["fundsAllocatedUsd"] = seed.Funding.Where(m => In(m.At) && under(programmes[m.ProgrammeId].ThematicAreas))
                .Sum(m => m.Kind == FundingMovementKind.Allocated ? m.AmountUsd : -m.AmountUsd),
            ["fundsSpentUsd"] = delivered.Sum(d => d.Activity.SpentUsd ?? d.Activity.BudgetUsd),
        };
        foreach (var (name, value) in expected)
        {
            Assert.True(value == f.GetProperty(name).GetDecimal(), $"{row} {name}: expected {value}, report says {f.GetProperty(name)}");
        }
        var participants = f.GetProperty("participants");
        Assert.Equal(delivered.Sum(d => d.Activity.ActualWomen), participants.GetProperty("women").GetInt32());
        Assert.Equal(delivered.Sum(d => d.Activity.ActualMen), participants.GetProperty("men").GetInt32());
        Assert.Equal(delivered.Sum(d => d.Activity.ActualOther), participants.GetProperty("other").GetInt32());
    }

    /// <summary>A random but reproducible world: requests, programmes with activities, funding and results around the period.</summary>
    private sealed record Seed(List<PlanningIntakeItem> Requests, List<Programme> Programmes, List<FundingMovement> Funding, List<ProgrammeResult> Results)
    {
        public IEnumerable<(Activity Activity, IReadOnlyList<string> States)> Delivered() =>
            Programmes.SelectMany(p => p.Activities
                .Where(a => a.ActualEnd is { } end && end >= From && end <= To)
                .Select(a => (a, (IReadOnlyList<string>)(a.StateCode is null ? p.StateCodes : [a.StateCode]))));

        public static Seed Generate(Random random)
        {
            var areas = Reference.ThematicAreas.Keys.ToArray();
            var modalities = Reference.DeliveryModalities.Keys.ToArray();
            string[] states = ["KEN", "NER", "FRA", "PER", "IND", "POL", "NGA", "BRA"];
            DateTimeOffset At() => new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(0, 24 * 365));
            DateOnly Day() => DateOnly.FromDateTime(At().UtcDateTime);
            List<string> Some(string[] from, int max) => [.. from.OrderBy(_ => random.Next()).Take(random.Next(1, max + 1))];

            var requests = Enumerable.Range(0, 40).Select(_ =>
            {
                var submitted = At();
                return new PlanningIntakeItem
                {
                    RequestId = Guid.NewGuid(),
                    StateCode = states[random.Next(states.Length)],
                    ThematicAreas = Some(areas, 3),
                    SubmittedAt = submitted,
                    ReceivedAt = submitted,
                    AcceptedAt = random.Next(3) > 0 ? submitted.AddDays(random.Next(0, 60)) : null,
                };
            }).ToList();

            var programmes = Enumerable.Range(0, 25).Select(i =>
            {
                var id = Guid.NewGuid();
                var programmeStates = Some(states, 3);
                var programmeAreas = Some(areas, 3);
                var approved = i % 5 == 4 ? (DateTimeOffset?)null : At();
                var programme = new Programme
                {
                    Id = id,
                    Title = $"Programme {i}",
                    Objectives = "Seeded",
                    Scope = programmeStates.Count > 1 ? ProgrammeScope.Regional : ProgrammeScope.National,
                    StateCodes = programmeStates,
                    ThematicAreas = programmeAreas,
                    RequestIds = [Guid.NewGuid()],
                    Status = approved is null ? (i % 10 == 4 ? ProgrammeStatus.Draft : ProgrammeStatus.Proposed) : ProgrammeStatus.InDelivery,
                    FirstApprovedAt = approved,
                    ApprovedAt = approved,
                    CreatedAt = At(),
                    UpdatedAt = At(),
                };
                for (var a = 0; a < random.Next(1, 6); a++)
                {
                    var activity = new Activity
                    {
                        Id = Guid.NewGuid(),
                        ProgrammeId = id,
                        Title = $"Activity {a}",
                        Modality = modalities[random.Next(modalities.Length)],
                        ThematicArea = programmeAreas[random.Next(programmeAreas.Count)],
                        PlannedStart = Day(),
                        PlannedEnd = Day(),
                        StateCode = random.Next(4) == 0 ? null : programmeStates[random.Next(programmeStates.Count)],
                        TargetInstitutions = ["POLICE"],
                    };
                    activity.Online = activity.StateCode is null;
                    activity.SetBudget(random.Next(1_000, 50_000), random.Next(0, 9_000), 0, 0, 0.5m);
                    if (approved is not null && random.Next(4) > 0)
                    {
                        activity.ActualEnd = Day();
                        activity.ActualStart = activity.ActualEnd.Value.AddDays(-2);
                        activity.DeliveredAt = approved;
                        (activity.ActualWomen, activity.ActualMen, activity.ActualOther) = (random.Next(0, 30), random.Next(0, 30), random.Next(0, 3));
                        activity.SpentUsd = random.Next(2) == 0 ? null : activity.BudgetUsd - random.Next(0, 500);
                    }
                    programme.Activities.Add(activity);
                }
                programme.RecomputeBudget();
                return programme;
            }).ToList();

            var funded = programmes.Where(p => p.Status != ProgrammeStatus.Draft).ToList();
            var funding = new List<FundingMovement>();
            foreach (var p in funded)
            {
                for (var k = 0; k < random.Next(0, 3); k++)
                {
                    var allocation = Guid.NewGuid();
                    var amount = random.Next(1_000, 40_000) + 0.25m;
                    funding.Add(new FundingMovement { AllocationId = allocation, Kind = FundingMovementKind.Allocated, ProgrammeId = p.Id, DonorId = Guid.NewGuid(), DonorName = "Donor", AmountUsd = amount, At = At() });
                    if (random.Next(3) == 0)
                    {
                        funding.Add(new FundingMovement { AllocationId = allocation, Kind = FundingMovementKind.Released, ProgrammeId = p.Id, DonorId = Guid.NewGuid(), DonorName = "Donor", AmountUsd = amount / 2, At = At() });
                    }
                }
            }

            var kinds = Enum.GetValues<ResultKind>();
            var results = Enumerable.Range(0, 40).Select(_ =>
            {
                var p = funded[random.Next(funded.Count)];
                var kind = kinds[random.Next(kinds.Length)];
                return new ProgrammeResult
                {
                    Id = Guid.NewGuid(),
                    ProgrammeId = p.Id,
                    Kind = kind,
                    Description = "Seeded",
                    StateCode = p.StateCodes[0],
                    RatificationStatus = kind == ResultKind.Ratification ? (random.Next(3) == 0 ? "Signed" : "Ratified") : null,
                    Count = kind == ResultKind.OfficialsTrained ? random.Next(5, 40) : null,
                    Date = Day(),
                    RecordedAt = At(),
                };
            }).ToList();
            return new Seed(requests, programmes, funding, results);
        }
    }
}

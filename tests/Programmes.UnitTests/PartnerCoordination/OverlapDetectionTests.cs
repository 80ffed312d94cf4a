using CsCheck;
using Programmes.PartnerCoordination.ClearingProgramme;
using Programmes.PartnerCoordination.DeclaringActivities;
using Xunit;

namespace Programmes.UnitTests.PartnerCoordination;

/// <summary>Overlap detection against an oracle that compares the days themselves, on small ranges where collisions are frequent.</summary>
public sealed class OverlapDetectionTests
{
    private static readonly DateOnly Day0 = new(2027, 1, 1);
    private static readonly string[] States = ["KEN", "NER", "MLI"];
    private static readonly string[] Areas = ["RATIFICATION", "LEGISLATIVE-INCORPORATION"];

    private static readonly Gen<(DateOnly Start, DateOnly End)> Period =
        Gen.Select(Gen.Int[0, 20], Gen.Int[0, 5], (start, length) => (Day0.AddDays(start), Day0.AddDays(start + length)));

    private static readonly Gen<ProgrammeActivity> ProgrammeActivities =
        Gen.Select(Gen.OneOf(States).Null(), Gen.OneOf(Areas), Period, (state, area, period) =>
            new ProgrammeActivity(Guid.NewGuid(), state, area, "NATIONAL-WORKSHOP", period.Start, period.End));

    private static readonly Gen<DeclaredActivity> Declared =
        Gen.Select(Gen.OneOf(States), Gen.OneOf(Areas), Period, Gen.Enum<DeclaredActivityStatus>(), (state, area, period, status) =>
            new DeclaredActivity
            {
                Id = Guid.NewGuid(),
                PartnerCode = "INTERPOL",
                StateCode = state,
                ThematicArea = area,
                Modality = "TRAINING",
                Title = "t",
                StartDate = period.Start,
                EndDate = period.End,
                Status = status,
            });

    [Fact]
    public void Detected_overlaps_are_exactly_the_shared_days_of_planned_activities_in_the_same_State_and_area()
    {
        Gen.Select(Gen.OneOf(States).Array[1, 3], ProgrammeActivities.Array[1, 4], Declared.Array[0, 6]).Sample((states, activities, declared) =>
        {
            var round = new ClearanceRound
            {
                Id = Guid.NewGuid(),
                Title = "t",
                StateCodes = [.. states.Distinct()],
                ThematicAreas = [.. Areas],
                Activities = [.. activities],
            };
            var detected = OverlapDetection.Detect(round, declared).ToList();

            var expected = new List<string>();
            foreach (var activity in activities)
            {
                // A regional activity without a State counts for every State of its programme.
                foreach (var state in activity.StateCode is null ? round.StateCodes : [activity.StateCode])
                {
                    foreach (var other in declared.Where(d => d.Status == DeclaredActivityStatus.Planned && d.StateCode == state && d.ThematicArea == activity.ThematicArea))
                    {
                        var shared = Days(activity.PlannedStart, activity.PlannedEnd).Intersect(Days(other.StartDate, other.EndDate)).ToList();
                        if (shared.Count > 0)
                        {
                            expected.Add($"{activity.ActivityId}|{other.Id}|{state}|{shared.Min()}|{shared.Max()}");
                        }
                    }
                }
            }
            Assert.Equal(expected.Order(StringComparer.Ordinal),
                detected.Select(o => $"{o.ProgrammeActivityId}|{o.DeclaredActivityId}|{o.StateCode}|{o.From}|{o.To}").Order(StringComparer.Ordinal));
            Assert.All(detected, o => Assert.True(o.RoundId == round.Id && o.PartnerCode == "INTERPOL" && o.From <= o.To));
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void Adjacent_activities_do_not_overlap_and_a_shared_last_day_does()
    {
        var activity = new ProgrammeActivity(Guid.NewGuid(), "KEN", "RATIFICATION", "NATIONAL-WORKSHOP", Day0, Day0.AddDays(2));
        var round = new ClearanceRound { Id = Guid.NewGuid(), Title = "t", StateCodes = ["KEN"], ThematicAreas = ["RATIFICATION"], Activities = [activity] };
        DeclaredActivity Starting(int day) => new()
        {
            Id = Guid.NewGuid(),
            PartnerCode = "INTERPOL",
            StateCode = "KEN",
            ThematicArea = "RATIFICATION",
            Modality = "TRAINING",
            Title = "t",
            StartDate = Day0.AddDays(day),
            EndDate = Day0.AddDays(day + 3),
            Status = DeclaredActivityStatus.Planned,
        };

        Assert.Empty(OverlapDetection.Detect(round, [Starting(3)]));
        var overlap = Assert.Single(OverlapDetection.Detect(round, [Starting(2)]));
        Assert.Equal((Day0.AddDays(2), Day0.AddDays(2)), (overlap.From, overlap.To));
    }

    private static IEnumerable<DateOnly> Days(DateOnly start, DateOnly end)
    {
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.RequestIntake.Persistence;

namespace Programmes.RequestIntake.Requests;

/// <summary>What happens when a request enters screening, whether the State submitted it or endorsed a referral.</summary>
public static class Screening
{
    /// <summary>
    /// Flags open requests of the same State that overlap in thematic area and period. A request with no
    /// desired period overlaps every period: the officer decides.
    /// </summary>
    public static async Task FlagPossibleDuplicatesAsync(IntakeDb db, AssistanceRequest request, CancellationToken cancellationToken)
    {
        var areas = request.ThematicAreas.ToArray();
        var start = request.DesiredStart;
        var end = request.DesiredEnd;
        request.PossibleDuplicateOf = await db.Requests
            .Where(r => r.StateCode == request.StateCode && r.Id != request.Id
                && AssistanceRequest.Open.Contains(r.Status) && r.Status != RequestStatus.AwaitingStateEndorsement
                && r.ThematicAreas.Any(a => areas.Contains(a))
                && (start == null || r.DesiredEnd == null || r.DesiredEnd >= start)
                && (end == null || r.DesiredStart == null || r.DesiredStart <= end))
            .OrderBy(r => r.SubmittedAt)
            .Select(r => r.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records the request as the State's and tells planning it waits for screening.</summary>
    public static void Enter(IntakeDb db, AssistanceRequest request, DateTimeOffset now)
    {
        request.Status = RequestStatus.Submitted;
        request.SubmittedAt = now;
        request.UpdatedAt = now;
        var duplicates = request.PossibleDuplicateOf.Count == 0 ? "" : $" Possible duplicate of {request.PossibleDuplicateOf.Count} open request(s).";
        db.Timeline.Add(TimelineEntry.For(request, now, "Submitted", $"Submitted for screening.{duplicates}"));
        db.AddEvent(new AssistanceRequestSubmitted(
            request.Id, request.StateCode, request.RequestingAuthority ?? "", request.ThematicAreas, request.Instruments,
            request.PreferredModalities, request.DesiredStart, request.DesiredEnd, request.Origin, now), request.Id);
    }
}

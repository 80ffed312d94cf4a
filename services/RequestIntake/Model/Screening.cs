using Microsoft.EntityFrameworkCore;
using Programmes.RequestIntake.Persistence;

namespace Programmes.RequestIntake.Model;

/// <summary>What staff are shown when a request enters screening, whether the State submitted it or endorsed a referral.</summary>
public static class Screening
{
    private const int MaxDuplicates = 20;

    /// <summary>
    /// Open requests of the same State that overlap in thematic area and period. A request with no desired
    /// period overlaps every period: the officer decides.
    /// </summary>
    public static async Task<List<Guid>> PossibleDuplicatesAsync(IntakeDb db, AssistanceRequest request, CancellationToken cancellationToken)
    {
        var duplicates = new List<Guid>();
        await foreach (var id in OpenOverlapping(db, request.StateCode, request.Id, request.ThematicAreas.ToArray(), request.DesiredStart, request.DesiredEnd)
            .WithCancellation(cancellationToken))
        {
            duplicates.Add(id);
        }
        return duplicates;
    }

    // Compiled: every submission and endorsement runs it. Building and parameterising the LINQ expression on each call
    // was a fifth of a submission's allocations (docs/performance.md, "Where the time goes").
    private static readonly Func<IntakeDb, string, Guid, string[], DateOnly?, DateOnly?, IAsyncEnumerable<Guid>> OpenOverlapping = EF.CompileAsyncQuery(
        (IntakeDb db, string stateCode, Guid id, string[] areas, DateOnly? start, DateOnly? end) => db.Requests
            .Where(r => r.StateCode == stateCode && r.Id != id
                // Spelled out as constants: PostgreSQL then proves the partial index ix_assistance_requests_state_open_submitted
                // applies (its filter is this same IN list), and reads only the State's open requests in order.
                && (r.Status == RequestStatus.Submitted || r.Status == RequestStatus.InformationRequested || r.Status == RequestStatus.Accepted)
                && r.ThematicAreas.Any(a => areas.Contains(a))
                && (start == null || r.DesiredEnd == null || r.DesiredEnd >= start)
                && (end == null || r.DesiredStart == null || r.DesiredStart <= end))
            .OrderBy(r => r.SubmittedAt)
            .Select(r => r.Id)
            .Take(MaxDuplicates));
}

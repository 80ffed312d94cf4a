using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.Requests;

/// <summary>Commits one step of a request (state, timeline and events in one transaction) and reads it back.</summary>
public static class RequestChanges
{
    /// <summary>Null when committed; a 409 when someone else changed the request meanwhile.</summary>
    public static async Task<ProblemHttpResult?> CommitAsync(IntakeDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The request was changed by someone else meanwhile; read it again and retry.");
        }
    }

    public static async Task<RequestView> ViewAsync(IntakeDb db, AssistanceRequest request, CancellationToken cancellationToken) =>
        RequestView.From(request, await db.Timeline.AsNoTracking().Where(e => e.RequestId == request.Id).ToListAsync(cancellationToken));
}

using Microsoft.EntityFrameworkCore;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.Model;

public static class ProgrammeAccess
{
    /// <summary>
    /// Loads a programme with its activities and locks its row until the surrounding transaction ends, so
    /// the approval facts (which arrive concurrently from three places) and staff commands apply one at a time.
    /// </summary>
    public static async Task<Programme?> LockProgrammeAsync(this PlanningDb db, Guid id, CancellationToken cancellationToken)
    {
        Telemetry.Tag(Telemetry.Attributes.ProgrammeId, id);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM programmes WHERE id = {id} FOR UPDATE", cancellationToken);
        var programme = await db.Programmes.Include(p => p.Activities).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        // Every command on a programme, by staff or from another service's event, can be found by its requests.
        Telemetry.TagRequests(programme?.RequestIds ?? []);
        return programme;
    }

    /// <summary>
    /// Staff see every programme; a State sees proposed and later programmes that concern it; a partner
    /// sees proposed and later programmes (it is asked to clear them). Drafts are internal.
    /// </summary>
    public static bool CanSee(this Caller caller, Programme programme) =>
        caller.IsStaff
        || (programme.Status != ProgrammeStatus.Draft
            && (caller.IsPartner || (caller.IsState && programme.StateCodes.Contains(caller.Party))));
}

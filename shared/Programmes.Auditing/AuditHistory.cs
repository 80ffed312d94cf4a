using Microsoft.EntityFrameworkCore;

namespace Programmes.Auditing;

/// <summary>Who made one change, and when: an audit entry's actor, time and action.</summary>
public sealed record AuditStamp(string ClientId, string Role, string Party, DateTimeOffset At, string Action);

/// <summary>An object's first entry (who recorded it) and its latest (who last changed it; the same when it never changed).</summary>
public sealed record AuditHistory(AuditStamp Recorded, AuditStamp LastChanged);

public static class AuditHistoryReading
{
    /// <summary>
    /// Who recorded and who last changed each of <paramref name="objectIds"/>, in one query however many there are
    /// (a statement asks for all its lines at once, not line by line). An object without entries, written before
    /// the trail existed, is absent from the answer. The caller decides which objects it may show: this reads
    /// only the entries of the objects it is given.
    /// </summary>
    public static async Task<IReadOnlyDictionary<(string ObjectType, string ObjectId), AuditHistory>> HistoriesAsync(this DbContext db,
        IReadOnlyCollection<string> objectTypes, IReadOnlyCollection<string> objectIds, CancellationToken cancellationToken)
    {
        if (objectTypes.Count == 0 || objectIds.Count == 0)
        {
            return new Dictionary<(string, string), AuditHistory>();
        }
        var types = objectTypes.Distinct().ToList();
        var ids = objectIds.Distinct().ToList();
        var rows = await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => types.Contains(e.ObjectType) && ids.Contains(e.ObjectId))
            .Select(e => new { e.ObjectType, e.ObjectId, e.Id, Stamp = new AuditStamp(e.ActorClientId, e.ActorRole, e.ActorParty, e.At, e.Action) })
            .ToListAsync(cancellationToken);
        return Histories(rows.Select(r => (r.ObjectType, r.ObjectId, r.Id, r.Stamp)));
    }

    /// <summary>Each object's earliest and latest entry; entries written at the same instant are ordered by their (time-ordered) id.</summary>
    public static IReadOnlyDictionary<(string ObjectType, string ObjectId), AuditHistory> Histories(
        IEnumerable<(string ObjectType, string ObjectId, Guid EntryId, AuditStamp Stamp)> entries) =>
        entries.GroupBy(e => (e.ObjectType, e.ObjectId)).ToDictionary(g => g.Key, g =>
        {
            var ordered = g.OrderBy(e => e.Stamp.At).ThenBy(e => e.EntryId).ToList();
            return new AuditHistory(ordered[0].Stamp, ordered[^1].Stamp);
        });
}

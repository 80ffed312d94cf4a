using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Programmes.Auditing;

/// <summary>
/// Which of a service's entities are audited, and for each: its object type, its id, who besides staff may
/// read its entries, and the properties whose values are meaningful (amounts with their currency, statuses).
/// A change that touches none of those properties is not an entry.
/// </summary>
public sealed class AuditRules<TDbContext> where TDbContext : DbContext
{
    private readonly Dictionary<Type, Rule> _rules = [];

    public required string ServiceName { get; init; }

    public AuditRules<TDbContext> Track<TEntity>(string objectType, Func<TEntity, object> id,
        Func<TEntity, IEnumerable<string>> readers, params string[] values) where TEntity : class =>
        Track<TEntity>(objectType, id, (entity, _) => readers(entity), values);

    /// <summary>For an entity whose readers are its parent's: <paramref name="readers"/> may look at the context's tracked entities.</summary>
    public AuditRules<TDbContext> Track<TEntity>(string objectType, Func<TEntity, object> id,
        Func<TEntity, TDbContext, IEnumerable<string>> readers, params string[] values) where TEntity : class
    {
        _rules[typeof(TEntity)] = new Rule(objectType, e => Convert.ToString(id((TEntity)e), System.Globalization.CultureInfo.InvariantCulture)!,
            (e, db) => readers((TEntity)e, (TDbContext)db), values);
        return this;
    }

    internal IEnumerable<AuditEntry> EntriesFor(IEnumerable<EntityEntry> changes, DateTimeOffset at)
    {
        (AuditActor Actor, string Action)? who = null;
        foreach (var change in changes)
        {
            if (!_rules.TryGetValue(change.Metadata.ClrType, out var rule)
                || change.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var before = change.State == EntityState.Added ? null : AuditEntry.ToJson(Values(rule, change.OriginalValues));
            var after = change.State == EntityState.Deleted ? null : AuditEntry.ToJson(Values(rule, change.CurrentValues));
            if (change.State == EntityState.Modified && before == after)
            {
                continue;
            }
            who ??= AuditActor.Resolve(ServiceName);
            yield return AuditEntry.Create(who.Value.Actor, who.Value.Action, rule.ObjectType, rule.Id(change.Entity),
                before, after, rule.Readers(change.Entity, change.Context), at);
        }
    }

    /// <summary>Name (camelCase) and value of each meaningful property, in the order the rule lists them.</summary>
    private static Dictionary<string, object?> Values(Rule rule, PropertyValues values) =>
        rule.Values.ToDictionary(JsonNamingPolicy.CamelCase.ConvertName, name => values[name]);

    private sealed record Rule(string ObjectType, Func<object, string> Id, Func<object, DbContext, IEnumerable<string>> Readers, string[] Values);
}

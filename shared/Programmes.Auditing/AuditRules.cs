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
            (e, db) => readers((TEntity)e, db), values);
        return this;
    }

    internal IEnumerable<AuditEntry> EntriesFor(IEnumerable<EntityEntry> changes, DateTimeOffset at)
    {
        (AuditActor Actor, string Action)? who = null;
        foreach (var change in changes)
        {
            if (!Tracks(change.Metadata.ClrType) || change.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            who ??= AuditActor.Resolve(ServiceName);
            var original = change.OriginalValues;
            var current = change.CurrentValues;
            if (EntryFor(change.Entity, change.State, name => original[name], name => current[name], (TDbContext)change.Context,
                who.Value.Actor, who.Value.Action, at) is { } entry)
            {
                yield return entry;
            }
        }
    }

    public bool Tracks(Type entityType) => _rules.ContainsKey(entityType);

    /// <summary>
    /// The entry one change of <paramref name="entity"/> makes, or null when its type is not audited or the change touches
    /// none of its meaningful values. Pure: the values come from <paramref name="before"/> and <paramref name="after"/>
    /// (by property name), so the rules are tested without a database. <paramref name="context"/> is only given to a
    /// rule whose readers are a parent's (<see cref="Track{TEntity}(string, Func{TEntity, object}, Func{TEntity, TDbContext, IEnumerable{string}}, string[])"/>).
    /// </summary>
    public AuditEntry? EntryFor(object entity, EntityState state, Func<string, object?> before, Func<string, object?> after,
        TDbContext? context, AuditActor actor, string action, DateTimeOffset at)
    {
        if (!_rules.TryGetValue(entity.GetType(), out var rule) || state is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            return null;
        }
        var beforeJson = state == EntityState.Added ? null : AuditEntry.ToJson(Values(rule, before));
        var afterJson = state == EntityState.Deleted ? null : AuditEntry.ToJson(Values(rule, after));
        if (state == EntityState.Modified && beforeJson == afterJson)
        {
            return null;
        }
        return AuditEntry.Create(actor, action, rule.ObjectType, rule.Id(entity), beforeJson, afterJson, rule.Readers(entity, context!), at);
    }

    /// <summary>Name (camelCase) and value of each meaningful property, in the order the rule lists them.</summary>
    private static Dictionary<string, object?> Values(Rule rule, Func<string, object?> values) =>
        rule.Values.ToDictionary(JsonNamingPolicy.CamelCase.ConvertName, values);

    private sealed record Rule(string ObjectType, Func<object, string> Id, Func<object, TDbContext, IEnumerable<string>> Readers, string[] Values);
}

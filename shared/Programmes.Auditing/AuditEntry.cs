using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Programmes.ServiceDefaults;

namespace Programmes.Auditing;

/// <summary>
/// One change of state, recorded in the transaction that made it: who (client, role, party), when, what
/// (action, object type and id), the meaningful values before and after, and the W3C trace id. Rows are
/// only ever inserted; the database refuses to change or delete them (see <see cref="AuditSchema"/>).
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ActorClientId { get; init; }
    public required string ActorRole { get; init; }
    public required string ActorParty { get; init; }
    public required string Action { get; init; }
    public required string ObjectType { get; init; }
    public required string ObjectId { get; init; }

    /// <summary>JSON of the meaningful values before the change; null when the object was created.</summary>
    public string? Before { get; init; }

    /// <summary>JSON of the meaningful values after the change; null when the object was removed.</summary>
    public string? After { get; init; }

    public string? TraceId { get; init; }

    /// <summary>Besides staff, who may read the entry: "role:party" of the object's owners (see <see cref="AuditReaders"/>).</summary>
    public required List<string> Readers { get; init; }

    /// <summary>Names in camelCase, enums by name, decimals exactly as held (scale included).</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    internal static string? ToJson(object? values) => values is null ? null : JsonSerializer.Serialize(values, Json);

    internal static AuditEntry Create(AuditActor actor, string action, string objectType, string objectId,
        string? before, string? after, IEnumerable<string> readers, DateTimeOffset at) => new()
        {
            Id = Guid.CreateVersion7(at),
            At = at,
            ActorClientId = actor.ClientId,
            ActorRole = actor.Role,
            ActorParty = actor.Party,
            Action = action,
            ObjectType = objectType,
            ObjectId = objectId,
            Before = before,
            After = after,
            TraceId = Activity.Current?.TraceId.ToHexString(),
            Readers = readers.Distinct().ToList(),
        };
}

/// <summary>The "role:party" strings an entry's readers are matched on.</summary>
public static class AuditReaders
{
    public static string State(string stateCode) => $"state:{stateCode}";
    public static string Donor(string donorCode) => $"donor:{donorCode}";
    public static string Partner(string partnerCode) => $"partner:{partnerCode}";
    public static string Of(string role, string party) => $"{role}:{party}";

    /// <summary>
    /// Whether <paramref name="caller"/> may read an entry with these readers: staff every entry, anyone else only the
    /// entries that name it. <see cref="AuditReading"/>'s query is this rule in SQL.
    /// </summary>
    public static bool MayRead(Caller caller, IEnumerable<string> readers) => caller.IsStaff || readers.Contains(Of(caller.Role, caller.Party));
}

public static class AuditModelExtensions
{
    /// <summary>Maps the audit table; call from <c>OnModelCreating</c>. Its migration also calls <see cref="AuditSchema.CreateAuditTrail"/>.</summary>
    public static ModelBuilder AddAudit(this ModelBuilder model)
    {
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable(AuditSchema.Table);
            e.HasKey(a => a.Id);
            e.Property(a => a.ActorClientId).HasMaxLength(200);
            e.Property(a => a.ActorRole).HasMaxLength(20);
            e.Property(a => a.ActorParty).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.ObjectType).HasMaxLength(50);
            e.Property(a => a.ObjectId).HasMaxLength(200);
            e.Property(a => a.Before).HasColumnType("jsonb");
            e.Property(a => a.After).HasColumnType("jsonb");
            e.Property(a => a.TraceId).HasMaxLength(32);
            e.HasIndex(a => new { a.ObjectType, a.ObjectId, a.At });
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.Readers).HasMethod("gin");
        });
        return model;
    }

    /// <summary>
    /// Records an entry for a change this context's audit rules cannot see (an entity another library owns).
    /// Written when the surrounding SaveChanges commits, like an outbox event; the actor is the current caller.
    /// </summary>
    public static void AddAudit(this DbContext db, string action, string objectType, string objectId,
        object? before, object? after, IEnumerable<string>? readers = null) =>
        db.Set<AuditEntry>().Add(AuditEntry.Create(AuditActor.Current(AuditActor.UnknownService), action, objectType, objectId,
            AuditEntry.ToJson(before), AuditEntry.ToJson(after), readers ?? [], DateTimeOffset.UtcNow));
}

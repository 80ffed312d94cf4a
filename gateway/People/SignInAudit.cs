using Programmes.Auditing;
using Programmes.Gateway.Persistence;

namespace Programmes.Gateway.People;

/// <summary>
/// Sign-in, failed sign-in, lockout, enrolment and sign-out on the gateway's audit trail, as object <c>user</c>
/// with the person as actor (or, for a name that is no one's, the name as typed with role <c>anonymous</c>).
/// </summary>
public sealed class SignInAudit(GatewayDb db)
{
    public const string Object = "user";
    public const string AnonymousRole = "anonymous";

    public async Task RecordAsync(GatewayUser user, string action, CancellationToken cancellationToken, object? detail = null)
    {
        using (AuditActor.Use(new AuditActor(user.UserName!, user.Role, user.Party), action))
        {
            db.AddAudit(action, Object, user.UserName!, before: null, detail);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task RecordUnknownAsync(string typedName, string action, CancellationToken cancellationToken)
    {
        var name = typedName.Length > 200 ? typedName[..200] : typedName;
        using (AuditActor.Use(new AuditActor(name, AnonymousRole, ""), action))
        {
            db.AddAudit(action, Object, name, before: null, after: null);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

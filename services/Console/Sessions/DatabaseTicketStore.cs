using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Programmes.Console.Extensions;

namespace Programmes.Console.Sessions;

/// <summary>
/// Keeps authentication tickets (and so the access and refresh tokens) in <see cref="SessionDb"/>: the browser's
/// cookie carries only the session's key. Tickets are encrypted with Data Protection before they are stored.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("Programmes.Console.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionDb>();
        db.Sessions.Add(new Session { Key = key, Ticket = Protect(ticket), ExpiresAt = ExpiryOf(ticket) });
        // Expired sessions go as new ones come: no background loop needed.
        await db.Sessions.Where(s => s.ExpiresAt < clock.GetUtcNow()).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionDb>();
        var ticketBytes = Protect(ticket);
        var expiresAt = ExpiryOf(ticket);
        var updated = await db.Sessions.Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, ticketBytes).SetProperty(x => x.ExpiresAt, expiresAt));
        if (updated == 0)
        {
            db.Sessions.Add(new Session { Key = key, Ticket = ticketBytes, ExpiresAt = expiresAt });
            await db.SaveChangesAsync();
        }
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionDb>();
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key);
        if (session is null || session.ExpiresAt < clock.GetUtcNow())
        {
            return null;
        }
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SessionDb>().Sessions.Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private DateTimeOffset ExpiryOf(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().Add(SignInExtensions.SessionLifetime);
}

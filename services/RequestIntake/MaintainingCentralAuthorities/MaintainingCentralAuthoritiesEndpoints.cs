using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Messaging.Idempotency;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.MaintainingCentralAuthorities;

/// <summary>
/// Each State keeps its own entries in the directory of designated central authorities (op. 3). Every
/// change is audited in the same transaction (see IntakeAudit): who, when, which fields from what to what.
/// </summary>
public static class MaintainingCentralAuthoritiesEndpoints
{
    public static IEndpointRouteBuilder MapMaintainingCentralAuthorities(this IEndpointRouteBuilder app)
    {
        var authorities = app.MapGroup("/api/intake/central-authorities").RequireRoles(Roles.State).WithTags("Central authorities");
        authorities.MapPost("", Register).Idempotent(required: false);
        authorities.MapPut("/{id:guid}", Update);
        authorities.MapDelete("/{id:guid}", Remove);
        return app;
    }

    private static async Task<Results<Created<AuthorityView>, ValidationProblem>> Register(
        AuthorityBody body, ClaimsPrincipal user, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!body.TryValidate(DateOnly.FromDateTime(now.UtcDateTime), out var details, out var invalid))
        {
            return invalid;
        }
        var caller = user.GetCaller();
        var authority = new CentralAuthority { Id = Guid.CreateVersion7(now), StateCode = caller.Party, Name = "" };
        details.ApplyTo(authority);
        authority.UpdatedAt = now;
        Telemetry.Tag(Telemetry.Attributes.StateCode, caller.Party);
        db.CentralAuthorities.Add(authority);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/intake/central-authorities/{authority.Id}", AuthorityView.From(authority));
    }

    private static async Task<Results<Ok<AuthorityView>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, AuthorityBody body, ClaimsPrincipal user, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!body.TryValidate(DateOnly.FromDateTime(now.UtcDateTime), out var details, out var invalid))
        {
            return invalid;
        }
        var caller = user.GetCaller();
        var authority = await db.CentralAuthorities.FirstOrDefaultAsync(a => a.Id == id && a.StateCode == caller.Party, cancellationToken);
        if (authority is null)
        {
            return Problem.NotFound("The central authority");
        }
        details.ApplyTo(authority);
        db.ChangeTracker.DetectChanges();
        if (db.Entry(authority).State == EntityState.Modified)
        {
            authority.UpdatedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The authority was changed by someone else meanwhile; read it again and retry.");
        }
        return TypedResults.Ok(AuthorityView.From(authority));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid id, ClaimsPrincipal user, IntakeDb db, CancellationToken cancellationToken)
    {
        var caller = user.GetCaller();
        var authority = await db.CentralAuthorities.FirstOrDefaultAsync(a => a.Id == id && a.StateCode == caller.Party, cancellationToken);
        if (authority is null)
        {
            return Problem.NotFound("The central authority");
        }
        db.CentralAuthorities.Remove(authority);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The authority was changed by someone else meanwhile; read it again and retry.");
        }
        return TypedResults.NoContent();
    }
}

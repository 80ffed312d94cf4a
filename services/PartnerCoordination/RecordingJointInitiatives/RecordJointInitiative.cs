using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Contracts;
using Programmes.Contracts.Webhooks;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.PartnerCoordination.DeliveringWebhooks;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.PartnerCoordination.RecordingJointInitiatives;

public sealed record InitiativePartnerRequest(string? PartnerCode, string? Role, [property: NotRequired] string? Contribution);

public sealed record RecordJointInitiative(Guid? ProgrammeId, string? Title, List<InitiativePartnerRequest>? Partners);

public sealed record JointInitiativeView(Guid Id, Guid ProgrammeId, string Title, IReadOnlyList<InitiativePartner> Partners, DateTimeOffset RecordedAt)
{
    public static JointInitiativeView From(JointInitiative i) => new(i.Id, i.ProgrammeId, i.Title, i.Partners, i.RecordedAt);
}

public static class RecordingJointInitiativesEndpoints
{
    public static IEndpointRouteBuilder MapRecordingJointInitiatives(this IEndpointRouteBuilder app)
    {
        var initiatives = app.MapGroup("/api/coordination/joint-initiatives").WithTags("Joint initiatives");
        initiatives.MapPost("", Record).RequireRoles(Roles.Staff).Idempotent(required: false);
        initiatives.MapGet("", List).RequireRoles(Roles.Staff, Roles.Partner);
        return app;
    }

    private static async Task<Results<Created<JointInitiativeView>, ValidationProblem>> Record(
        RecordJointInitiative body, CoordinationDb db, TimeProvider clock, WebhookSignal signal, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var programmeId = validation.Present(body.ProgrammeId, "programmeId");
        if (body.ProgrammeId is not null)
        {
            validation.Check(await db.ClearanceRounds.AnyAsync(r => r.ProgrammeId == programmeId, cancellationToken),
                "programmeId", "must be a programme proposed for clearance.");
        }
        var title = validation.Text(body.Title, "title", 500);
        var partners = body.Partners ?? [];
        if (validation.Check(partners.Count is > 0 and <= 50, "partners", "must name between 1 and 50 partners."))
        {
            var known = await db.Partners.Select(p => p.Code).ToListAsync(cancellationToken);
            for (var i = 0; i < partners.Count; i++)
            {
                if (!validation.Check(partners[i] is not null, $"partners[{i}]", "must be a partner, not null."))
                {
                    continue;
                }
                validation.Check(known.Contains(partners[i].PartnerCode ?? ""), $"partners[{i}].partnerCode", $"'{partners[i].PartnerCode}' is not a registered partner.");
                validation.Required(partners[i].Role, $"partners[{i}].role", 200);
                validation.Optional(partners[i].Contribution, $"partners[{i}].contribution", 2000);
            }
            validation.Check(partners.Select(p => p?.PartnerCode).Distinct().Count() == partners.Count, "partners", "must not repeat a partner.");
        }

        // The placeholders for missing values never leave Yields.
        var now = clock.GetUtcNow();
        var candidate = new JointInitiative
        {
            Id = Guid.CreateVersion7(now),
            ProgrammeId = programmeId,
            Title = title,
            Partners = [.. partners.Select(p => new InitiativePartner(p?.PartnerCode ?? "", p?.Role ?? "", p?.Contribution))],
            PartnerCodes = [.. partners.Select(p => p?.PartnerCode ?? "")],
            RecordedAt = now,
        };
        if (!validation.Yields(candidate, out var initiative, out var invalid))
        {
            return invalid;
        }
        Telemetry.Tag(Telemetry.Attributes.ProgrammeId, initiative.ProgrammeId);
        db.JointInitiatives.Add(initiative);
        var fact = new JointInitiativeRecorded(initiative.Id, initiative.ProgrammeId, initiative.Title,
            [.. initiative.Partners.Select(p => new JointInitiativePartner(p.PartnerCode, p.Role, p.Contribution))], now);
        db.AddEvent(fact, initiative.ProgrammeId);
        await db.QueueWebhooksAsync(initiative.PartnerCodes, WebhookEvents.JointInitiativeRecorded, fact, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Created($"/api/coordination/joint-initiatives?programmeId={initiative.ProgrammeId}", JointInitiativeView.From(initiative));
    }

    private static async Task<Results<Ok<ListPage<JointInitiativeView>>, ValidationProblem>> List(
        ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken, Guid? programmeId = null, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var caller = user.GetCaller();
        var query = db.JointInitiatives.AsNoTracking();
        query = caller.IsStaff ? query : query.Where(i => i.PartnerCodes.Contains(caller.Party));
        query = programmeId is null ? query : query.Where(i => i.ProgrammeId == programmeId);
        var initiatives = await query.OrderByDescending(i => i.RecordedAt).ThenBy(i => i.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(initiatives.Select(JointInitiativeView.From));
    }
}

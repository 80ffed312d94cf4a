using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.PartnerCoordination.DeclaringActivities;
using Programmes.PartnerCoordination.DeliveringWebhooks;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.PartnerCoordination.ClearingProgramme;

public sealed record AnswerRound(PartnerAnswer? Answer, [property: NotRequired] string? Comment, [property: NotRequired] Guid? OverlappingActivityId);

public static class AnsweringRoundEndpoints
{
    public static IEndpointRouteBuilder MapAnsweringRound(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/coordination/rounds/{id:guid}/answers", Handle).RequireRoles(Roles.Partner).WithTags("Clearance rounds");
        return app;
    }

    private static async Task<Results<Ok<RoundView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, AnswerRound body, ClaimsPrincipal user, CoordinationDb db, TimeProvider clock, WebhookSignal signal, CancellationToken cancellationToken)
    {
        var caller = user.GetCaller();
        var round = await db.ClearanceRounds.Include(r => r.Addressees).Include(r => r.Overlaps).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        var addressee = round?.Addressees.SingleOrDefault(a => a.PartnerCode == caller.Party);
        if (round is null || addressee is null)
        {
            return Problem.NotFound("The clearance round");
        }
        Telemetry.Tag(Telemetry.Attributes.ProgrammeId, round.ProgrammeId);
        Telemetry.Tag(Telemetry.Attributes.PartnerCode, caller.Party);

        var validation = new Validation();
        validation.Check(body.Answer is not null, "answer", $"is required: one of {string.Join(", ", Enum.GetNames<PartnerAnswer>())}.");
        validation.Optional(body.Comment, "comment", 4000);
        if (body.Answer is PartnerAnswer.ConcurWithComments or PartnerAnswer.ProposeJointInitiative)
        {
            validation.Required(body.Comment, "comment", 4000);
        }
        if (body.Answer is PartnerAnswer.FlagOverlap && validation.Check(body.OverlappingActivityId is not null, "overlappingActivityId", "is required to flag an overlap."))
        {
            validation.Check(await db.DeclaredActivities.AnyAsync(a => a.Id == body.OverlappingActivityId && a.Status == DeclaredActivityStatus.Planned, cancellationToken),
                "overlappingActivityId", "must name a declared activity that is not withdrawn.");
        }
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        if (round.Status != RoundStatus.Open)
        {
            return Problem.IllegalTransition("answer the round", round.Status.ToString());
        }
        if (addressee.Answer is not null)
        {
            return Problem.Conflict($"{caller.Party} already answered this round ({addressee.Answer}).");
        }

        var now = clock.GetUtcNow();
        addressee.Answer = Enum.Parse<ClearanceAnswer>(body.Answer!.Value.ToString());
        addressee.Comment = body.Comment;
        addressee.OverlappingActivityId = body.Answer == PartnerAnswer.FlagOverlap ? body.OverlappingActivityId : null;
        addressee.AnsweredAt = now;
        // Touching the round makes concurrent answers and the deadline watch contend on its row version.
        round.LastChangedAt = now;
        if (round.Addressees.All(a => a.Answer is not null))
        {
            await RoundClosure.CloseAsync(db, round, now, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The round changed while this answer was recorded; read it again and retry.");
        }
        signal.Notify();
        return TypedResults.Ok(RoundView.From(round, caller));
    }
}

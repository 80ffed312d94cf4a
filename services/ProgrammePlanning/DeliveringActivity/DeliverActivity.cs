using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ProgrammePlanning.PlanningActivities;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.DeliveringActivity;

public sealed record DeliveryRequest(
    DateOnly? ActualStart,
    DateOnly? ActualEnd,
    ParticipantsInput? Participants,
    [property: NotRequired] Dictionary<string, int>? ParticipantsByInstitution,
    [property: NotRequired] decimal? EvaluationScore,
    [property: NotRequired] decimal? SpentUsd,
    Dictionary<string, decimal>? Disbursements = null);

/// <summary>
/// Staff record an activity of a programme in delivery as delivered: actual dates, participants by sex
/// (operative paragraph 15) and by institution type, the participants' evaluation (1-5), what it cost
/// (its budget unless stated) and the part of that passed to partner entities that implemented it
/// (disbursements by partner code; UNODC spent the rest itself).
/// </summary>
public static class DeliverActivityEndpoint
{
    public static IEndpointRouteBuilder MapDeliveringActivity(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/planning/programmes/{id:guid}/activities/{activityId:guid}/delivery", Handle).RequireRoles(Roles.Staff).WithTags("Delivery and results");
        return app;
    }

    private static async Task<Results<Ok<ProgrammeView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Guid activityId, DeliveryRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = Validate(body);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var programme = await db.LockProgrammeAsync(id, cancellationToken);
        var activity = programme?.Activities.SingleOrDefault(a => a.Id == activityId);
        if (programme is null || activity is null)
        {
            return Problem.NotFound(programme is null ? "The programme" : "The activity");
        }
        if (programme.Status != ProgrammeStatus.InDelivery)
        {
            return Problem.IllegalTransition("record an activity as delivered", programme.Status.ToString());
        }
        if (activity.IsDelivered)
        {
            return Problem.Conflict("The activity is already recorded as delivered.");
        }

        var now = clock.GetUtcNow();
        activity.DeliveredAt = now;
        activity.ActualStart = body.ActualStart;
        activity.ActualEnd = body.ActualEnd;
        activity.ActualWomen = body.Participants!.Women ?? 0;
        activity.ActualMen = body.Participants.Men ?? 0;
        activity.ActualOther = body.Participants.Other ?? 0;
        activity.ParticipantsByInstitution = body.ParticipantsByInstitution ?? [];
        activity.EvaluationScore = body.EvaluationScore;
        activity.SpentUsd = body.SpentUsd ?? activity.BudgetUsd;
        activity.DisbursedUsd = body.Disbursements ?? [];
        programme.UpdatedAt = now;
        db.AddEvent(new ActivityDelivered(
            programme.Id, activity.Id, activity.StateCode, [.. programme.RequestIds], activity.ThematicArea, activity.Modality,
            activity.ActualStart!.Value, activity.ActualEnd!.Value, activity.ActualWomen, activity.ActualMen, activity.ActualOther, now), programme.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ProgrammeView.Of(programme));
    }

    private static Validation Validate(DeliveryRequest body)
    {
        var v = new Validation();
        v.Check(body.ActualStart is not null, "actualStart", "is required.");
        v.Check(body.ActualEnd is not null, "actualEnd", "is required.");
        if (body.ActualStart is not null && body.ActualEnd is not null)
        {
            v.Check(body.ActualEnd >= body.ActualStart, "actualEnd", "must not be before actualStart.");
        }
        var p = body.Participants;
        if (v.Check(p is not null, "participants", "is required."))
        {
            v.Check(p!.Women is null or >= 0, "participants.women", "must not be negative.");
            v.Check(p.Men is null or >= 0, "participants.men", "must not be negative.");
            v.Check(p.Other is null or >= 0, "participants.other", "must not be negative.");
        }
        if (body.ParticipantsByInstitution is { } byInstitution)
        {
            foreach (var (type, count) in byInstitution)
            {
                v.Check(InstitutionTypes.IsKnown(type), $"participantsByInstitution.{type}", $"'{type}' is not a known institution type.");
                v.Check(count >= 0, $"participantsByInstitution.{type}", "must not be negative.");
            }
            if (p is not null)
            {
                var total = (p.Women ?? 0) + (p.Men ?? 0) + (p.Other ?? 0);
                v.Check(byInstitution.Values.Sum() == total, "participantsByInstitution", $"must add up to the participants by sex ({total}).");
            }
        }
        v.Check(body.EvaluationScore is null or (>= 1 and <= 5), "evaluationScore", "must be from 1 to 5.");
        if (body.SpentUsd is not null)
        {
            v.Money(body.SpentUsd, ReferenceData.Money.UsdCode, "spentUsd", allowZero: true);
        }
        if (body.Disbursements is { Count: > 0 } disbursements)
        {
            foreach (var (partner, amount) in disbursements)
            {
                v.Check(Reference.IsPartner(partner), $"disbursements.{partner}", $"'{partner}' is not a partner entity.");
                v.Money(amount, ReferenceData.Money.UsdCode, $"disbursements.{partner}");
            }
            if (v.Check(body.SpentUsd is not null, "spentUsd", "is required when disbursements are given."))
            {
                v.Check(disbursements.Values.Sum() <= body.SpentUsd, "disbursements", $"must not add up to more than spentUsd ({body.SpentUsd}).");
            }
        }
        return v;
    }
}

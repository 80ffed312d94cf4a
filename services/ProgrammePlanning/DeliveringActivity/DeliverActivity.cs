using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
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
    Dictionary<string, decimal>? Disbursements = null) : ICommandRequest<Delivery>
{
    public bool TryValidate([NotNullWhen(true)] out Delivery? delivery, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        var actualStart = v.Present(ActualStart, "actualStart");
        var actualEnd = v.Present(ActualEnd, "actualEnd");
        if (ActualStart is not null && ActualEnd is not null)
        {
            v.Check(ActualEnd >= ActualStart, "actualEnd", "must not be before actualStart.");
        }
        var p = Participants;
        var participants = v.Present(p, "participants", new ParticipantsInput(null, null, null));
        if (p is not null)
        {
            v.Check(p.Women is null or >= 0, "participants.women", "must not be negative.");
            v.Check(p.Men is null or >= 0, "participants.men", "must not be negative.");
            v.Check(p.Other is null or >= 0, "participants.other", "must not be negative.");
        }
        if (ParticipantsByInstitution is { } byInstitution)
        {
            foreach (var (type, count) in byInstitution)
            {
                v.Code(type, $"participantsByInstitution.{type}", CodeLists.InstitutionTypes);
                v.Check(count >= 0, $"participantsByInstitution.{type}", "must not be negative.");
            }
            if (p is not null)
            {
                var total = (p.Women ?? 0) + (p.Men ?? 0) + (p.Other ?? 0);
                v.Check(byInstitution.Values.Sum() == total, "participantsByInstitution", $"must add up to the participants by sex ({total}).");
            }
        }
        v.Check(EvaluationScore is null or (>= 1 and <= 5), "evaluationScore", "must be from 1 to 5.");
        if (SpentUsd is not null)
        {
            v.Money(SpentUsd, ReferenceData.Money.UsdCode, "spentUsd", allowZero: true);
        }
        if (Disbursements is { Count: > 0 } disbursements)
        {
            foreach (var (partner, amount) in disbursements)
            {
                v.Check(Reference.IsPartner(partner), $"disbursements.{partner}", $"'{partner}' is not a partner entity.");
                v.Money(amount, ReferenceData.Money.UsdCode, $"disbursements.{partner}");
            }
            if (v.Check(SpentUsd is not null, "spentUsd", "is required when disbursements are given."))
            {
                v.Check(disbursements.Values.Sum() <= SpentUsd, "disbursements", $"must not add up to more than spentUsd ({SpentUsd}).");
            }
        }
        return v.Yields(new Delivery(actualStart, actualEnd, participants, ParticipantsByInstitution, EvaluationScore, SpentUsd, Disbursements), out delivery, out problem);
    }
}

/// <summary>A delivery as validated: dates and participants are present.</summary>
public sealed record Delivery(
    DateOnly ActualStart,
    DateOnly ActualEnd,
    ParticipantsInput Participants,
    Dictionary<string, int>? ParticipantsByInstitution,
    decimal? EvaluationScore,
    decimal? SpentUsd,
    Dictionary<string, decimal>? Disbursements);

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
        Guid id, Guid activityId, DeliveryRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ProgrammeChanges.ApplyAsync(db, id, body, (programme, delivery) =>
        {
            if (programme.Activities.SingleOrDefault(a => a.Id == activityId) is not { } activity)
            {
                return Problem.NotFound("The activity");
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
            activity.ActualStart = delivery.ActualStart;
            activity.ActualEnd = delivery.ActualEnd;
            activity.ActualWomen = delivery.Participants.Women ?? 0;
            activity.ActualMen = delivery.Participants.Men ?? 0;
            activity.ActualOther = delivery.Participants.Other ?? 0;
            activity.ParticipantsByInstitution = delivery.ParticipantsByInstitution ?? [];
            activity.EvaluationScore = delivery.EvaluationScore;
            activity.SpentUsd = delivery.SpentUsd ?? activity.BudgetUsd;
            activity.DisbursedUsd = delivery.Disbursements ?? [];
            programme.UpdatedAt = now;
            return new List<object>
            {
                new ActivityDelivered(
                    programme.Id, activity.Id, activity.StateCode, [.. programme.RequestIds], activity.ThematicArea, activity.Modality,
                    delivery.ActualStart, delivery.ActualEnd, activity.ActualWomen, activity.ActualMen, activity.ActualOther, now),
            };
        }, cancellationToken);
}

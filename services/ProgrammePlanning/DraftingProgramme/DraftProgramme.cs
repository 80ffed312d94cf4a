using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Messaging.Idempotency;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ProgrammePlanning.PlanningActivities;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.DraftingProgramme;

public sealed record DraftProgrammeRequest(
    string? Title,
    string? Objectives,
    ProgrammeScope? Scope,
    List<string>? StateCodes,
    List<string>? ThematicAreas,
    [property: NotRequired] List<string>? Instruments,
    List<Guid>? RequestIds,
    [property: NotRequired] List<ActivityInput>? Activities);

/// <summary>Staff draft a national or regional programme answering one or more accepted requests.</summary>
public static class DraftProgrammeEndpoint
{
    public static IEndpointRouteBuilder MapDraftingProgramme(this IEndpointRouteBuilder app)
    {
        // Staff tools that lost the answer retry with the same Idempotency-Key and get the first draft back
        // instead of a second programme for the same requests.
        app.MapPost("/api/planning/programmes", Handle).RequireRoles(Roles.Staff).Idempotent(required: false).WithTags("Programmes");
        return app;
    }

    /// <summary>A draft arrives in one request: a bound keeps one body from holding thousands of activities.</summary>
    public const int MaxActivities = 100;

    private static async Task<Results<Created<ProgrammeView>, ValidationProblem>> Handle(
        DraftProgrammeRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new Validation();
        var title = v.Text(body.Title, "title", 200);
        var objectives = v.Text(body.Objectives, "objectives", 4000);
        var scope = v.Present(body.Scope, "scope", "is required (National or Regional).");
        var states = body.StateCodes ?? [];
        var statesValid = v.Codes(body.StateCodes, "stateCodes", CodeLists.MemberStates);
        if (statesValid && body.Scope == ProgrammeScope.National)
        {
            v.Check(states.Count == 1, "stateCodes", "a national programme names exactly one State.");
        }
        if (statesValid && body.Scope == ProgrammeScope.Regional)
        {
            v.Check(states.Count >= 2, "stateCodes", "a regional programme names at least two States.");
        }
        v.Codes(body.ThematicAreas, "thematicAreas", CodeLists.ThematicAreas);
        v.Codes(body.Instruments, "instruments", CodeLists.Instruments, allowEmpty: true);
        await CheckRequestsAsync(v, body, db, cancellationToken);
        var areas = body.ThematicAreas ?? [];
        var activities = body.Activities ?? [];
        v.Check(activities.Count <= MaxActivities, "activities", $"must hold at most {MaxActivities} activities; add more once drafted.");
        var plans = new List<ActivityPlan>();
        for (var i = 0; i < Math.Min(activities.Count, MaxActivities); i++)
        {
            if (v.Check(activities[i] is not null, $"activities[{i}]", "must be an activity, not null."))
            {
                plans.Add(activities[i].Validate(v, $"activities[{i}].", states, areas));
            }
        }

        // The placeholders for missing values never leave Yields.
        var now = clock.GetUtcNow();
        var candidate = new Programme
        {
            Id = Guid.CreateVersion7(now),
            Title = title,
            Objectives = objectives,
            Scope = scope,
            StateCodes = [.. states],
            ThematicAreas = [.. areas],
            Instruments = [.. body.Instruments ?? []],
            RequestIds = [.. body.RequestIds ?? []],
            Status = ProgrammeStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!v.Yields(candidate, out var programme, out var invalid))
        {
            return invalid;
        }
        programme.Activities.AddRange(plans.Select(a => a.ToActivity(programme.Id)));
        programme.RecomputeBudget();
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);
        Telemetry.Tag(Telemetry.Attributes.ProgrammeId, programme.Id);
        Telemetry.TagRequests(programme.RequestIds);
        return TypedResults.Created($"/api/planning/programmes/{programme.Id}", ProgrammeView.Of(programme));
    }

    /// <summary>Programmes answer accepted requests only, and only requests of the programme's States.</summary>
    private static async Task CheckRequestsAsync(Validation v, DraftProgrammeRequest body, PlanningDb db, CancellationToken cancellationToken)
    {
        if (body.RequestIds is null || body.RequestIds.Count == 0)
        {
            v.Add("requestIds", "must name at least one accepted request.");
            return;
        }
        v.Check(body.RequestIds.Distinct().Count() == body.RequestIds.Count, "requestIds", "must not repeat a request.");
        var known = await db.IntakeItems.AsNoTracking()
            .Where(i => body.RequestIds.Contains(i.RequestId))
            .ToDictionaryAsync(i => i.RequestId, cancellationToken);
        for (var i = 0; i < body.RequestIds.Count; i++)
        {
            var field = $"requestIds[{i}]";
            if (!known.TryGetValue(body.RequestIds[i], out var item) || item.AcceptedAt is null)
            {
                v.Add(field, "is not an accepted request.");
            }
            else if (body.StateCodes is not null && !body.StateCodes.Contains(item.StateCode))
            {
                v.Add(field, $"was made by {item.StateCode}, which is not among the programme's States.");
            }
        }
    }
}

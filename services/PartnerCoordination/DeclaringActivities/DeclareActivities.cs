using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Messaging.Idempotency;
using Programmes.PartnerCoordination.ClearingProgramme;
using Programmes.PartnerCoordination.ManagingPartners;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;

namespace Programmes.PartnerCoordination.DeclaringActivities;

public sealed record DeclareActivity(string? StateCode, string? ThematicArea, string? Modality, string? Title, DateOnly? StartDate, DateOnly? EndDate)
{
    /// <summary>The activity as declared once every field is valid; the placeholders for missing values never leave Yields.</summary>
    public bool TryValidate([NotNullWhen(true)] out ActivityDeclaration? declaration, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        v.MemberState(StateCode, "stateCode");
        v.Code(ThematicArea, "thematicArea", CodeLists.ThematicAreas);
        v.Code(Modality, "modality", CodeLists.DeliveryModalities);
        var title = v.Text(Title, "title", 300);
        var start = v.Present(StartDate, "startDate");
        var end = v.Present(EndDate, "endDate");
        if (StartDate is not null && EndDate is not null)
        {
            v.Check(end >= start, "endDate", "must not be before startDate.");
        }
        return v.Yields(new ActivityDeclaration(StateCode ?? "", ThematicArea ?? "", Modality ?? "", title, start, end), out declaration, out problem);
    }
}

public sealed record ActivityDeclaration(string StateCode, string ThematicArea, string Modality, string Title, DateOnly StartDate, DateOnly EndDate)
{
    public void ApplyTo(DeclaredActivity activity)
    {
        activity.StateCode = StateCode;
        activity.ThematicArea = ThematicArea;
        activity.Modality = Modality;
        activity.Title = Title;
        activity.StartDate = StartDate;
        activity.EndDate = EndDate;
    }
}

public sealed record DeclaredActivityView(Guid Id, string PartnerCode, string StateCode, string ThematicArea, string Modality, string Title,
    DateOnly StartDate, DateOnly EndDate, DeclaredActivityStatus Status, DateTimeOffset DeclaredAt, DateTimeOffset UpdatedAt)
{
    public static DeclaredActivityView From(DeclaredActivity a) => new(a.Id, a.PartnerCode, a.StateCode, a.ThematicArea, a.Modality, a.Title,
        a.StartDate, a.EndDate, a.Status, a.DeclaredAt, a.UpdatedAt);
}

public static class DeclaringActivitiesEndpoints
{
    public static IEndpointRouteBuilder MapDeclaringActivities(this IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/api/coordination/activities").WithTags("Declared activities");
        activities.MapGet("", List).RequireRoles(Roles.Partner, Roles.Staff);
        activities.MapGet("/{id:guid}", Get).RequireRoles(Roles.Partner, Roles.Staff);
        activities.MapPost("", Declare).RequireRoles(Roles.Partner).Idempotent(required: false);
        activities.MapPut("/{id:guid}", Update).RequireRoles(Roles.Partner);
        activities.MapPost("/{id:guid}/withdraw", Withdraw).RequireRoles(Roles.Partner);
        return app;
    }

    private static async Task<Results<Ok<ListPage<DeclaredActivityView>>, ValidationProblem>> List(
        ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken, string? stateCode = null, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var caller = user.GetCaller();
        var query = db.DeclaredActivities.AsNoTracking();
        query = caller.IsStaff ? query : query.Where(a => a.PartnerCode == caller.Party);
        query = stateCode is null ? query : query.Where(a => a.StateCode == stateCode);
        var activities = await query.OrderBy(a => a.StartDate).ThenBy(a => a.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(activities.Select(DeclaredActivityView.From));
    }

    private static async Task<Results<Ok<DeclaredActivityView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken)
    {
        var activity = await FindAsync(id, user, db, cancellationToken);
        return activity is null ? Problem.NotFound("The declared activity") : TypedResults.Ok(DeclaredActivityView.From(activity));
    }

    private static async Task<Results<Created<DeclaredActivityView>, ValidationProblem>> Declare(
        DeclareActivity body, ClaimsPrincipal user, CoordinationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!body.TryValidate(out var declaration, out var invalid))
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var activity = new DeclaredActivity
        {
            Id = Guid.CreateVersion7(now),
            PartnerCode = user.GetCaller().Party,
            StateCode = declaration.StateCode,
            ThematicArea = declaration.ThematicArea,
            Modality = declaration.Modality,
            Title = declaration.Title,
            StartDate = declaration.StartDate,
            EndDate = declaration.EndDate,
            Status = DeclaredActivityStatus.Planned,
            DeclaredAt = now,
            UpdatedAt = now,
        };
        db.DeclaredActivities.Add(activity);
        await OverlapDetection.RefreshOpenRoundsAsync(db, activity, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/coordination/activities/{activity.Id}", DeclaredActivityView.From(activity));
    }

    private static async Task<Results<Ok<DeclaredActivityView>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, DeclareActivity body, ClaimsPrincipal user, CoordinationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var activity = await FindAsync(id, user, db, cancellationToken);
        if (activity is null)
        {
            return Problem.NotFound("The declared activity");
        }
        if (!body.TryValidate(out var declaration, out var invalid))
        {
            return invalid;
        }
        if (activity.Status == DeclaredActivityStatus.Withdrawn)
        {
            return Problem.IllegalTransition("update the activity", activity.Status.ToString());
        }
        declaration.ApplyTo(activity);
        activity.UpdatedAt = clock.GetUtcNow();
        await OverlapDetection.RefreshOpenRoundsAsync(db, activity, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DeclaredActivityView.From(activity));
    }

    private static async Task<Results<Ok<DeclaredActivityView>, ProblemHttpResult>> Withdraw(
        Guid id, ClaimsPrincipal user, CoordinationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var activity = await FindAsync(id, user, db, cancellationToken);
        if (activity is null)
        {
            return Problem.NotFound("The declared activity");
        }
        if (activity.Status == DeclaredActivityStatus.Withdrawn)
        {
            return Problem.IllegalTransition("withdraw the activity", activity.Status.ToString());
        }
        activity.Status = DeclaredActivityStatus.Withdrawn;
        activity.UpdatedAt = clock.GetUtcNow();
        await OverlapDetection.RefreshOpenRoundsAsync(db, activity, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DeclaredActivityView.From(activity));
    }

    private static async Task<DeclaredActivity?> FindAsync(Guid id, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken)
    {
        var activity = await db.DeclaredActivities.FindAsync([id], cancellationToken);
        return activity is not null && user.GetCaller().CanActFor(activity.PartnerCode) ? activity : null;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.PartnerCoordination.ClearingProgramme;

public sealed record AddresseeView(string PartnerCode, ClearanceAnswer? Answer, string? Comment, Guid? OverlappingActivityId, DateTimeOffset? AnsweredAt);

public sealed record OverlapView(Guid ProgrammeActivityId, Guid DeclaredActivityId, string PartnerCode, string StateCode, string ThematicArea, DateOnly From, DateOnly To);

/// <summary>A round as the caller may see it: staff see every answer and overlap, a partner its own.</summary>
public sealed record RoundView(Guid Id, Guid ProgrammeId, string Title, IReadOnlyList<string> StateCodes, IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<ProgrammeActivity> Activities, RoundStatus Status, DateTimeOffset OpenedAt, DateTimeOffset Deadline, DateTimeOffset? ClosedAt,
    IReadOnlyList<AddresseeView> Addressees, IReadOnlyList<OverlapView> Overlaps)
{
    public static RoundView From(ClearanceRound r, Caller caller) => new(r.Id, r.ProgrammeId, r.Title, r.StateCodes, r.ThematicAreas, r.Activities,
        r.Status, r.OpenedAt, r.Deadline, r.ClosedAt,
        r.Addressees.Where(a => caller.IsStaff || a.PartnerCode == caller.Party).OrderBy(a => a.PartnerCode)
            .Select(a => new AddresseeView(a.PartnerCode, a.Answer, a.Comment, a.OverlappingActivityId, a.AnsweredAt)).ToArray(),
        r.Overlaps.Where(o => caller.IsStaff || o.PartnerCode == caller.Party).OrderBy(o => o.From)
            .Select(o => new OverlapView(o.ProgrammeActivityId, o.DeclaredActivityId, o.PartnerCode, o.StateCode, o.ThematicArea, o.From, o.To)).ToArray());
}

public static class ViewingRoundsEndpoints
{
    public static IEndpointRouteBuilder MapViewingRounds(this IEndpointRouteBuilder app)
    {
        var rounds = app.MapGroup("/api/coordination/rounds").WithTags("Clearance rounds").RequireRoles(Roles.Partner, Roles.Staff);
        rounds.MapGet("", List);
        rounds.MapGet("/{id:guid}", Get);
        return app;
    }

    private static async Task<Results<Ok<ListPage<RoundView>>, ValidationProblem>> List(ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken,
        Guid? programmeId = null, RoundStatus? status = null, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var caller = user.GetCaller();
        var query = Visible(db, caller);
        query = programmeId is null ? query : query.Where(r => r.ProgrammeId == programmeId);
        query = status is null ? query : query.Where(r => r.Status == status);
        var rounds = await query.OrderByDescending(r => r.OpenedAt).ThenBy(r => r.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(rounds.Select(r => RoundView.From(r, caller)));
    }

    private static async Task<Results<Ok<RoundView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken)
    {
        var caller = user.GetCaller();
        var round = await Visible(db, caller).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return round is null ? Problem.NotFound("The clearance round") : TypedResults.Ok(RoundView.From(round, caller));
    }

    private static IQueryable<ClearanceRound> Visible(CoordinationDb db, Caller caller)
    {
        var rounds = db.ClearanceRounds.AsNoTracking().AsSplitQuery().Include(r => r.Addressees).Include(r => r.Overlaps);
        return caller.IsStaff ? rounds : rounds.Where(r => r.Addressees.Any(a => a.PartnerCode == caller.Party));
    }
}

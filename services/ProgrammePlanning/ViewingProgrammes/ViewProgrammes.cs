using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.ViewingProgrammes;

public sealed record ProgrammeSummary(Guid Id, string Title, ProgrammeScope Scope, ProgrammeStatus Status, IReadOnlyList<string> StateCodes,
    IReadOnlyList<Guid> RequestIds, decimal BudgetUsd, DateTimeOffset CreatedAt);

/// <summary>Staff see every programme; States and partners see what <see cref="ProgrammeAccess.CanSee"/> allows.</summary>
public static class ViewProgrammesEndpoints
{
    public static IEndpointRouteBuilder MapViewingProgrammes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/planning/programmes/{id:guid}", Get).RequireRoles(Roles.Staff, Roles.State, Roles.Partner).WithTags("Programmes");
        app.MapGet("/api/planning/programmes", List).RequireRoles(Roles.Staff, Roles.State, Roles.Partner).WithTags("Programmes");
        return app;
    }

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, PlanningDb db, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeById(db, id, cancellationToken);
        return programme is not null && user.GetCaller().CanSee(programme)
            ? TypedResults.Ok(ProgrammeView.Of(programme))
            : Problem.NotFound("The programme");
    }

    // Compiled: a GET by id otherwise builds and parameterises its LINQ expression on every call, which was a quarter of
    // the allocations of intake's equivalent read (docs/performance.md). Visibility is checked afterwards, in memory.
    private static readonly Func<PlanningDb, Guid, CancellationToken, Task<Programme?>> ProgrammeById = EF.CompileAsyncQuery(
        (PlanningDb db, Guid id, CancellationToken _) => db.Programmes.AsNoTracking().Include(p => p.Activities).SingleOrDefault(p => p.Id == id));

    private static async Task<Results<Ok<ListPage<ProgrammeSummary>>, ValidationProblem>> List(
        ProgrammeStatus? status, string? stateCode, Guid? requestId, ClaimsPrincipal user, PlanningDb db, CancellationToken cancellationToken,
        string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }
        var caller = user.GetCaller();
        var query = db.Programmes.AsNoTracking();
        if (!caller.IsStaff)
        {
            query = query.Where(p => p.Status != ProgrammeStatus.Draft);
        }
        if (caller.IsState)
        {
            query = query.Where(p => p.StateCodes.Contains(caller.Party));
        }
        if (status is not null)
        {
            query = query.Where(p => p.Status == status);
        }
        if (stateCode is not null)
        {
            query = query.Where(p => p.StateCodes.Contains(stateCode));
        }
        if (requestId is { } request)
        {
            // Which programme serves a request, without reading every programme.
            query = query.Where(p => p.RequestIds.Contains(request));
        }
        var programmes = await query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new ProgrammeSummary(p.Id, p.Title, p.Scope, p.Status, p.StateCodes, p.RequestIds, p.BudgetUsd, p.CreatedAt))
            .ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(programmes);
    }
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Messaging.Idempotency;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.RecordingResults;

public sealed record ResultRequest(ResultKind? Kind, string? Description, string? StateCode, [property: NotRequired] string? InstrumentCode, [property: NotRequired] int? Count, DateOnly? Date)
{
    /// <summary>Checked against the programme: a result is in one of its States.</summary>
    public bool TryValidate(IReadOnlyCollection<string> programmeStates, [NotNullWhen(true)] out ResultRecord? result, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        var kind = v.Present(Kind is ResultKind.Ratification ? null : Kind, "kind",
            "is required: LawDrafted, LawAmended, OfficialsTrained or ToolPublished (ratifications come from the tracker).");
        var description = v.Text(Description, "description", 2000);
        if (v.MemberState(StateCode, "stateCode"))
        {
            v.Check(programmeStates.Contains(StateCode), "stateCode", "must be one of the programme's States.");
        }
        if (InstrumentCode is not null)
        {
            v.Code(InstrumentCode, "instrumentCode", CodeLists.Instruments);
        }
        if (Kind is ResultKind.OfficialsTrained)
        {
            v.Check(Count is > 0, "count", "is required: how many officials were trained.");
        }
        v.Check(Count is null or > 0, "count", "must be greater than zero.");
        var date = v.Present(Date, "date");
        return v.Yields(new ResultRecord(kind, description, StateCode, InstrumentCode, Count, date), out result, out problem);
    }
}

public sealed record ResultRecord(ResultKind Kind, string Description, string? StateCode, string? InstrumentCode, int? Count, DateOnly Date);

public sealed record ResultView(
    Guid Id, ResultKind Kind, string Description, string? StateCode, string? InstrumentCode, string? RatificationStatus, int? Count, DateOnly Date)
{
    public static ResultView Of(ProgrammeResult r) => new(r.Id, r.Kind, r.Description, r.StateCode, r.InstrumentCode, r.RatificationStatus, r.Count, r.Date);
}

/// <summary>
/// Staff record what followed an approved programme: laws drafted or amended, officials trained, tools
/// published. Ratifications are not entered here: they come from the ratification tracker.
/// </summary>
public static class RecordResultEndpoints
{
    public static IEndpointRouteBuilder MapRecordingResults(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/planning/programmes/{id:guid}/results", Record).RequireRoles(Roles.Staff).Idempotent(required: false).WithTags("Delivery and results");
        app.MapGet("/api/planning/programmes/{id:guid}/results", List).RequireRoles(Roles.Staff).WithTags("Delivery and results");
        return app;
    }

    private static async Task<Results<Created<ResultView>, ValidationProblem, ProblemHttpResult>> Record(
        Guid id, ResultRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.FindAsync([id], cancellationToken);
        if (programme is null)
        {
            return Problem.NotFound("The programme");
        }
        if (!body.TryValidate(programme.StateCodes, out var record, out var problem))
        {
            return problem;
        }
        if (!programme.CanRecordResults())
        {
            return Problem.IllegalTransition("record a result", programme.Status.ToString());
        }
        var now = clock.GetUtcNow();
        var result = new ProgrammeResult
        {
            Id = Guid.CreateVersion7(now),
            ProgrammeId = id,
            Kind = record.Kind,
            Description = record.Description,
            StateCode = record.StateCode,
            InstrumentCode = record.InstrumentCode,
            Count = record.Count,
            Date = record.Date,
            RecordedAt = now,
        };
        db.Results.Add(result);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/planning/programmes/{id}/results", ResultView.Of(result));
    }

    private static async Task<Results<Ok<ListPage<ResultView>>, ValidationProblem, ProblemHttpResult>> List(
        Guid id, PlanningDb db, CancellationToken cancellationToken, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        if (await db.Programmes.FindAsync([id], cancellationToken) is null)
        {
            return Problem.NotFound("The programme");
        }
        var results = await db.Results.AsNoTracking().Where(r => r.ProgrammeId == id).OrderBy(r => r.Date).ThenBy(r => r.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(results.Select(ResultView.Of));
    }
}

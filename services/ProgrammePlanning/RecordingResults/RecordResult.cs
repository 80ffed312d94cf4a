using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.RecordingResults;

public sealed record ResultRequest(ResultKind? Kind, string? Description, string? StateCode, [property: NotRequired] string? InstrumentCode, [property: NotRequired] int? Count, DateOnly? Date);

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
        app.MapPost("/api/planning/programmes/{id:guid}/results", Record).RequireRoles(Roles.Staff).WithTags("Delivery and results");
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
        var v = new Validation();
        v.Check(body.Kind is not null and not ResultKind.Ratification, "kind",
            "is required: LawDrafted, LawAmended, OfficialsTrained or ToolPublished (ratifications come from the tracker).");
        v.Required(body.Description, "description", 2000);
        if (v.MemberState(body.StateCode, "stateCode"))
        {
            v.Check(programme.StateCodes.Contains(body.StateCode!), "stateCode", "must be one of the programme's States.");
        }
        if (body.InstrumentCode is not null)
        {
            v.Check(Reference.IsInstrument(body.InstrumentCode), "instrumentCode", $"'{body.InstrumentCode}' is not a known instrument.");
        }
        if (body.Kind is ResultKind.OfficialsTrained)
        {
            v.Check(body.Count is > 0, "count", "is required: how many officials were trained.");
        }
        v.Check(body.Count is null or > 0, "count", "must be greater than zero.");
        v.Check(body.Date is not null, "date", "is required.");
        if (!v.IsValid)
        {
            return v.ToProblem();
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
            Kind = body.Kind!.Value,
            Description = body.Description!,
            StateCode = body.StateCode,
            InstrumentCode = body.InstrumentCode,
            Count = body.Count,
            Date = body.Date!.Value,
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
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }
        if (await db.Programmes.FindAsync([id], cancellationToken) is null)
        {
            return Problem.NotFound("The programme");
        }
        var results = await db.Results.AsNoTracking().Where(r => r.ProgrammeId == id).OrderBy(r => r.Date).ThenBy(r => r.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(results.Select(ResultView.Of));
    }
}

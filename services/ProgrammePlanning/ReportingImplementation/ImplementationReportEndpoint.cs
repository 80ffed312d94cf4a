using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.ReportingImplementation;

/// <summary>
/// The implementation report for the General Assembly (operative paragraph 19), for a period, as JSON
/// or (with <c>format=csv</c> or <c>Accept: text/csv</c>) as CSV.
/// </summary>
public static class ImplementationReportEndpoint
{
    public static IEndpointRouteBuilder MapReportingImplementation(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/planning/reports/implementation", Handle).RequireRoles(Roles.Staff).WithTags("Reports");
        return app;
    }

    private static async Task<Results<Ok<ImplementationReportDocument>, ContentHttpResult, ValidationProblem>> Handle(
        DateOnly? from, DateOnly? to, string? format, HttpRequest request, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new Validation();
        v.Check(from is not null, "from", "is required (yyyy-MM-dd).");
        v.Check(to is not null, "to", "is required (yyyy-MM-dd).");
        if (from is not null && to is not null)
        {
            v.Check(to >= from, "to", "must not be before from.");
            v.Check(to <= from.Value.AddYears(10), "to", "the period can be at most ten years.");
        }
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || (format is null && request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        v.Check(format is null || csv || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase), "format", "must be json or csv.");
        if (!v.Passes(out var invalid))
        {
            return invalid;
        }

        var report = await ImplementationReport.BuildAsync(db, from!.Value, to!.Value, clock.GetUtcNow(), cancellationToken);
        return csv
            ? TypedResults.Text(ImplementationReportCsv.Write(report), "text/csv; charset=utf-8")
            : TypedResults.Ok(report);
    }
}

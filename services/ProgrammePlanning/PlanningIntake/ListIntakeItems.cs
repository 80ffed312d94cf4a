using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.PlanningIntake;

public static class ListingIntakeItemsEndpoint
{
    public static IEndpointRouteBuilder MapListingIntakeItems(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/planning/intake-items", Handle).RequireRoles(Roles.Staff).WithTags("Planning intake");
        return app;
    }

    // Typed, so the document (and a generated client) knows the item's shape.
    private static async Task<Results<Ok<ListPage<PlanningIntakeItem>>, ValidationProblem>> Handle(
        Guid? requestId, PlanningDb db, CancellationToken cancellationToken, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var items = await db.IntakeItems.AsNoTracking()
            .Where(i => requestId == null || i.RequestId == requestId)
            .OrderByDescending(i => i.ReceivedAt).ThenBy(i => i.RequestId)
            .ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(items);
    }
}

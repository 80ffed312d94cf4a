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
    private static async Task<Ok<List<PlanningIntakeItem>>> Handle(Guid? requestId, PlanningDb db, CancellationToken cancellationToken)
    {
        var items = await db.IntakeItems.AsNoTracking()
            .Where(i => requestId == null || i.RequestId == requestId)
            .OrderByDescending(i => i.ReceivedAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items);
    }
}

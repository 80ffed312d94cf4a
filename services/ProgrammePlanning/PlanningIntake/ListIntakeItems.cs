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

    private static async Task<IResult> Handle(Guid? requestId, PlanningDb db, CancellationToken cancellationToken)
    {
        var items = await db.IntakeItems.AsNoTracking()
            .Where(i => requestId == null || i.RequestId == requestId)
            .OrderByDescending(i => i.ReceivedAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items);
    }
}

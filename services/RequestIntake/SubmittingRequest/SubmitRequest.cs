using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.ReferenceData;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.SubmittingRequest;

public sealed record SubmitRequest(string? StateCode, string? RequestingAuthority, List<string>? ThematicAreas, string? Needs);

public sealed record RequestView(Guid Id, string StateCode, string RequestingAuthority, IReadOnlyList<string> ThematicAreas, string Needs, string Status, DateTimeOffset SubmittedAt)
{
    public static RequestView From(AssistanceRequest r) => new(r.Id, r.StateCode, r.RequestingAuthority, r.ThematicAreas, r.Needs, r.Status.ToString(), r.SubmittedAt);
}

public static class SubmittingRequestEndpoint
{
    public static IEndpointRouteBuilder MapSubmittingRequest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/intake/requests", Handle).RequireRoles(Roles.State).WithTags("Requests");
        return app;
    }

    private static async Task<Results<Created<RequestView>, ValidationProblem>> Handle(
        SubmitRequest body, ClaimsPrincipal user, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = user.GetCaller();
        var validation = new Validation();
        if (validation.MemberState(body.StateCode, "stateCode"))
        {
            validation.Check(caller.Party == body.StateCode, "stateCode", "a State may submit requests only for itself.");
        }
        validation.Required(body.RequestingAuthority, "requestingAuthority", 200);
        validation.Codes(body.ThematicAreas, "thematicAreas", Reference.IsThematicArea, "thematic area");
        validation.Required(body.Needs, "needs", 8000);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = clock.GetUtcNow();
        var request = new AssistanceRequest
        {
            Id = Guid.CreateVersion7(now),
            StateCode = body.StateCode!,
            RequestingAuthority = body.RequestingAuthority!,
            ThematicAreas = body.ThematicAreas!,
            Needs = body.Needs!,
            Status = RequestStatus.Submitted,
            SubmittedAt = now,
        };
        Telemetry.Tag(Telemetry.Attributes.RequestId, request.Id);
        Telemetry.Tag(Telemetry.Attributes.StateCode, request.StateCode);
        db.Requests.Add(request);
        db.AddEvent(new AssistanceRequestSubmitted(
            request.Id, request.StateCode, request.RequestingAuthority, request.ThematicAreas, [], [],
            null, null, RequestOrigin.MemberState, now), request.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/intake/requests/{request.Id}", RequestView.From(request));
    }
}

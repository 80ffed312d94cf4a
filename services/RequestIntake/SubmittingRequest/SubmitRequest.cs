using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Messaging.Idempotency;
using Programmes.ReferenceData;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.SubmittingRequest;

public sealed record SubmitRequest(
    string? StateCode,
    string? RequestingAuthority,
    List<string>? ThematicAreas,
    string? Needs,
    string? ContactPerson = null,
    string? ContactEmail = null,
    string? ContactPhone = null,
    List<string>? Instruments = null,
    string? Priorities = null,
    DateOnly? DesiredStart = null,
    DateOnly? DesiredEnd = null,
    List<string>? PreferredModalities = null,
    List<string>? BeneficiaryInstitutions = null);

public static class SubmittingRequestEndpoint
{
    public static IEndpointRouteBuilder MapSubmittingRequest(this IEndpointRouteBuilder app)
    {
        // A State's system that lost the answer retries with the same Idempotency-Key and gets the first
        // request back instead of a second one; without the header every POST is a new request.
        app.MapPost("/api/intake/requests", Handle).RequireRoles(Roles.State).Idempotent(required: false).WithTags("Requests");
        return app;
    }

    private static async Task<Results<Created<RequestView>, ValidationProblem>> Handle(
        SubmitRequest body, ClaimsPrincipal user, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = user.GetCaller();
        var now = clock.GetUtcNow();
        var validation = Validate(body, caller, DateOnly.FromDateTime(now.UtcDateTime));
        // The placeholders for missing values never leave Yields.
        var candidate = new AssistanceRequest
        {
            Id = Guid.CreateVersion7(now),
            StateCode = body.StateCode ?? "",
            Origin = RequestOrigin.MemberState,
            RequestingAuthority = body.RequestingAuthority?.Trim() ?? "",
            ContactPerson = body.ContactPerson,
            ContactEmail = body.ContactEmail,
            ContactPhone = body.ContactPhone,
            ThematicAreas = body.ThematicAreas ?? [],
            Instruments = body.Instruments ?? [],
            Needs = body.Needs ?? "",
            Priorities = body.Priorities,
            DesiredStart = body.DesiredStart,
            DesiredEnd = body.DesiredEnd,
            PreferredModalities = body.PreferredModalities ?? [],
            BeneficiaryInstitutions = body.BeneficiaryInstitutions ?? [],
        };
        if (!validation.Yields(candidate, out var request, out var invalid))
        {
            return invalid;
        }
        Telemetry.Tag(Telemetry.Attributes.RequestId, request.Id);
        Telemetry.Tag(Telemetry.Attributes.StateCode, request.StateCode);
        var duplicates = await Screening.PossibleDuplicatesAsync(db, request, cancellationToken);
        db.Requests.Add(request);
        db.Record(request, request.Submit(duplicates, now));
        await db.SaveChangesAsync(cancellationToken);
        IntakeMetrics.RecordSubmitted(request);
        return TypedResults.Created($"/api/intake/requests/{request.Id}", RequestView.From(request, db.Timeline.Local.Where(e => e.RequestId == request.Id)));
    }

    internal static Validation Validate(SubmitRequest body, Caller caller, DateOnly today)
    {
        var validation = new Validation();
        if (validation.MemberState(body.StateCode, "stateCode"))
        {
            validation.Check(caller.Party == body.StateCode, "stateCode", "a State may submit requests only for itself.");
        }
        validation.Required(body.RequestingAuthority, "requestingAuthority", 200);
        validation.Optional(body.ContactPerson, "contactPerson", 200);
        validation.Email(body.ContactEmail, "contactEmail");
        validation.Phone(body.ContactPhone, "contactPhone");
        validation.Codes(body.ThematicAreas, "thematicAreas", CodeLists.ThematicAreas);
        validation.Codes(body.Instruments, "instruments", CodeLists.Instruments, allowEmpty: true, max: 19);
        validation.Required(body.Needs, "needs", 8000);
        validation.Optional(body.Priorities, "priorities", 4000);
        if (body.DesiredStart is { } start)
        {
            validation.Check(start >= today, "desiredStart", "must not be in the past.");
        }
        if (body.DesiredEnd is { } end)
        {
            validation.Check(body.DesiredStart is null || end >= body.DesiredStart, "desiredEnd", "must not be before desiredStart.");
            validation.Check(end >= today, "desiredEnd", "must not be in the past.");
        }
        validation.Codes(body.PreferredModalities, "preferredModalities", CodeLists.DeliveryModalities, allowEmpty: true, max: 20);
        validation.Texts(body.BeneficiaryInstitutions, "beneficiaryInstitutions", 200, 20);
        return validation;
    }
}

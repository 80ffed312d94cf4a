using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.RequestIntake.EndorsingReferral;

public sealed record EndorseReferralBody(string? RequestingAuthority, [property: NotRequired] string? ContactPerson, [property: NotRequired] string? ContactEmail, [property: NotRequired] string? ContactPhone);

/// <summary>The State makes a CTED referral its own request; it then goes to screening like any other.</summary>
public static class EndorseReferral
{
    public static async Task<Results<Ok<RequestView>, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, EndorseReferralBody body, ClaimsPrincipal user, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var authority = validation.Text(body.RequestingAuthority, "requestingAuthority", 200);
        validation.Optional(body.ContactPerson, "contactPerson", 200);
        validation.Email(body.ContactEmail, "contactEmail");
        validation.Phone(body.ContactPhone, "contactPhone");
        var candidate = new RequestContact(authority, body.ContactPerson, body.ContactEmail, body.ContactPhone);
        if (!validation.Yields(candidate, out var contact, out var invalid))
        {
            return invalid;
        }

        var request = await db.FindVisibleAsync(id, user.GetCaller(), cancellationToken);
        var duplicates = request is null ? [] : await Screening.PossibleDuplicatesAsync(db, request, cancellationToken);
        var outcome = await RequestChanges.ApplyAsync(db, request, RequestAction.Endorse,
            r => r.Endorse(contact, duplicates, clock.GetUtcNow()), cancellationToken);
        if (outcome.Succeeded)
        {
            IntakeMetrics.RecordSubmitted(request!);
        }
        return outcome;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.Funding.RecordingInKind;

public sealed record RecordInKind([property: NotRequired] Guid? DonorId, InKindKind? Kind, string? Description, decimal? EstimatedValue, string? Currency,
    DateOnly? ContributionDate, [property: NotRequired] Guid? ProgrammeId, [property: NotRequired] string? ThematicArea);

public static class RecordingInKindEndpoint
{
    public static IEndpointRouteBuilder MapRecordingInKind(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/funding/in-kind", Handle).RequireRoles(Roles.Donor, Roles.Staff).Idempotent().WithTags("Contributions");
        return app;
    }

    private static async Task<Results<Created<InKindView>, ValidationProblem, ProblemHttpResult>> Handle(
        RecordInKind body, ClaimsPrincipal user, FundingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.DonorNamedByStaff(user.GetCaller(), body.DonorId);
        validation.Check(body.Kind is not null, "kind", "is required: Goods or Services.");
        validation.Required(body.Description, "description", 2000);
        validation.Money(body.EstimatedValue, body.Currency, "estimatedValue");
        validation.Currency(body.Currency, "currency");
        validation.Check(body.ContributionDate is not null, "contributionDate", "is required.");
        validation.Check(body.ThematicArea is null || Reference.IsThematicArea(body.ThematicArea), "thematicArea", $"'{body.ThematicArea}' is not a known thematic area.");
        validation.Check(body.ProgrammeId is not null || body.ThematicArea is not null, "programmeId", "name the programme or the thematic area the support is for.");
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var donor = await db.DonorForAsync(user.GetCaller(), body.DonorId, cancellationToken);
        if (donor is null)
        {
            return Problem.NotFound("The donor");
        }

        var now = clock.GetUtcNow();
        var contribution = new InKindContribution
        {
            Id = Guid.CreateVersion7(now),
            DonorId = donor.Id,
            Donor = donor,
            Kind = body.Kind!.Value,
            Description = body.Description!,
            EstimatedValue = body.EstimatedValue!.Value,
            Currency = body.Currency!,
            EstimatedValueUsd = await db.ToUsdAsync(body.EstimatedValue.Value, body.Currency!, body.ContributionDate!.Value, cancellationToken),
            ContributionDate = body.ContributionDate.Value,
            RateMonth = Conversion.RateMonth(body.ContributionDate.Value),
            ProgrammeId = body.ProgrammeId,
            ThematicArea = body.ThematicArea,
            RecordedAt = now,
        };
        Telemetry.Tag(Telemetry.Attributes.DonorId, donor.Id);
        db.InKindContributions.Add(contribution);
        db.AddEvent(new InKindContributionRecorded(contribution.Id, donor.Id, contribution.Kind.ToString(), contribution.Description,
            contribution.EstimatedValue, contribution.Currency, contribution.EstimatedValueUsd, contribution.ProgrammeId, contribution.ThematicArea, now),
            contribution.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/funding/in-kind/{contribution.Id}", InKindView.From(contribution));
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.Messaging.Idempotency;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.Funding.RecordingInKind;

public sealed record RecordInKind([property: NotRequired] Guid? DonorId, InKindKind? Kind, string? Description, decimal? EstimatedValue, string? Currency,
    DateOnly? ContributionDate, [property: NotRequired] Guid? ProgrammeId, [property: NotRequired] string? ThematicArea)
    : IDonorContribution<InKindSupport>
{
    /// <summary>Staff name the donor; a donor records its own support, for a programme or a thematic area.</summary>
    public bool TryValidate(Caller caller, [NotNullWhen(true)] out InKindSupport? support, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        v.DonorNamedByStaff(caller, DonorId);
        var kind = v.Present(Kind, "kind", "is required: Goods or Services.");
        var description = v.Text(Description, "description", 2000);
        // Money and Currency report a missing value themselves; the placeholders never leave Yields.
        v.Money(EstimatedValue, Currency, "estimatedValue");
        v.Currency(Currency, "currency");
        var contributionDate = v.Present(ContributionDate, "contributionDate");
        v.Check(ThematicArea is null || CodeLists.ThematicAreas.Contains(ThematicArea), "thematicArea", CodeLists.ThematicAreas.Unknown(ThematicArea));
        v.Check(ProgrammeId is not null || ThematicArea is not null, "programmeId", "name the programme or the thematic area the support is for.");
        return v.Yields(
            new InKindSupport(kind, description, EstimatedValue ?? 0, Currency ?? "", contributionDate, ProgrammeId, ThematicArea),
            out support, out problem);
    }
}

public sealed record InKindSupport(InKindKind Kind, string Description, decimal EstimatedValue, string Currency, DateOnly ContributionDate,
    Guid? ProgrammeId, string? ThematicArea);

public static class RecordingInKindEndpoint
{
    public static IEndpointRouteBuilder MapRecordingInKind(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/funding/in-kind", Handle).RequireRoles(Roles.Donor, Roles.Staff).Idempotent().WithTags("Contributions");
        return app;
    }

    private static async Task<Results<Created<InKindView>, ValidationProblem, ProblemHttpResult>> Handle(
        RecordInKind body, ClaimsPrincipal user, FundingDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.RecordForDonorAsync(user.GetCaller(), body, async (donor, support) =>
        {
            var now = clock.GetUtcNow();
            var contribution = new InKindContribution
            {
                Id = Guid.CreateVersion7(now),
                DonorId = donor.Id,
                Donor = donor,
                Kind = support.Kind,
                Description = support.Description,
                EstimatedValue = support.EstimatedValue,
                Currency = support.Currency,
                EstimatedValueUsd = await db.ToUsdAsync(support.EstimatedValue, support.Currency, support.ContributionDate, cancellationToken),
                ContributionDate = support.ContributionDate,
                RateMonth = Conversion.RateMonth(support.ContributionDate),
                ProgrammeId = support.ProgrammeId,
                ThematicArea = support.ThematicArea,
                RecordedAt = now,
            };
            var recorded = new InKindContributionRecorded(contribution.Id, donor.Id, contribution.Kind.ToString(), contribution.Description,
                contribution.EstimatedValue, contribution.Currency, contribution.EstimatedValueUsd, contribution.ProgrammeId, contribution.ThematicArea, now);
            return new Contribution<InKindView>(contribution, recorded, contribution.Id, $"/api/funding/in-kind/{contribution.Id}",
                InKindView.From(contribution));
        }, cancellationToken);
}

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

namespace Programmes.Funding.RecordingPledge;

public sealed record RecordPledge([property: NotRequired] Guid? DonorId, decimal? Amount, string? Currency, DateOnly? PledgeDate, string? AgreementReference,
    [property: NotRequired] DateOnly? PeriodStart, [property: NotRequired] DateOnly? PeriodEnd, Earmarking? Earmarking, [property: NotRequired] string? EarmarkedTo)
    : IDonorContribution<PledgeTerms>
{
    /// <summary>Staff name the donor; a donor pledges for itself. The earmarking target is returned normalised.</summary>
    public bool TryValidate(Caller caller, [NotNullWhen(true)] out PledgeTerms? terms, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        v.DonorNamedByStaff(caller, DonorId);
        // Money, Currency and the earmarking report a missing value themselves; the placeholders never leave Yields.
        v.Money(Amount, Currency, "amount");
        v.Currency(Currency, "currency");
        var pledgeDate = v.Present(PledgeDate, "pledgeDate");
        var agreementReference = v.Text(AgreementReference, "agreementReference", 100);
        v.Check(PeriodStart is null || PeriodEnd is null || PeriodEnd >= PeriodStart, "periodEnd", "must not be before periodStart.");
        var earmarkedTo = RecordingPledgeEndpoint.ValidateEarmarking(v, Earmarking, EarmarkedTo);
        return v.Yields(
            new PledgeTerms(Amount ?? 0, Currency ?? "", pledgeDate, agreementReference, PeriodStart, PeriodEnd, Earmarking ?? default, earmarkedTo),
            out terms, out problem);
    }
}

public sealed record PledgeTerms(decimal Amount, string Currency, DateOnly PledgeDate, string AgreementReference,
    DateOnly? PeriodStart, DateOnly? PeriodEnd, Earmarking Earmarking, string? EarmarkedTo);

public static class RecordingPledgeEndpoint
{
    public static IEndpointRouteBuilder MapRecordingPledge(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/funding/pledges", Handle).RequireRoles(Roles.Donor, Roles.Staff).Idempotent().WithTags("Contributions");
        return app;
    }

    private static async Task<Results<Created<PledgeView>, ValidationProblem, ProblemHttpResult>> Handle(
        RecordPledge body, ClaimsPrincipal user, FundingDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.RecordForDonorAsync(user.GetCaller(), body, async (donor, terms) =>
        {
            var now = clock.GetUtcNow();
            var pledge = new Pledge
            {
                Id = Guid.CreateVersion7(now),
                DonorId = donor.Id,
                Donor = donor,
                Amount = terms.Amount,
                Currency = terms.Currency,
                AmountUsd = await db.ToUsdAsync(terms.Amount, terms.Currency, terms.PledgeDate, cancellationToken),
                PledgeDate = terms.PledgeDate,
                RateMonth = Conversion.RateMonth(terms.PledgeDate),
                AgreementReference = terms.AgreementReference,
                PeriodStart = terms.PeriodStart,
                PeriodEnd = terms.PeriodEnd,
                Earmarking = terms.Earmarking,
                EarmarkedTo = terms.EarmarkedTo,
                RecordedAt = now,
            };
            var recorded = new PledgeRecorded(pledge.Id, donor.Id, donor.Name, pledge.Amount, pledge.Currency, pledge.AmountUsd,
                pledge.Earmarking.ToString(), pledge.EarmarkedTo, pledge.PledgeDate, now, donor.Code);
            return new Contribution<PledgeView>(pledge, recorded, pledge.Id, $"/api/funding/pledges/{pledge.Id}", PledgeView.From(pledge));
        }, cancellationToken);

    /// <summary>Checks the target against the kind of earmarking; returns it normalised (programme ids in canonical form).</summary>
    internal static string? ValidateEarmarking(Validation validation, Earmarking? earmarking, string? target)
    {
        if (!validation.Check(earmarking is not null, "earmarking", "is required: Unearmarked, ThematicArea, Region, State or Programme."))
        {
            return null;
        }
        if (earmarking == Earmarking.Unearmarked)
        {
            validation.Check(target is null, "earmarkedTo", "must be empty for unearmarked funds.");
            return null;
        }
        if (!validation.Required(target, "earmarkedTo", 100))
        {
            return null;
        }
        switch (earmarking)
        {
            case Earmarking.ThematicArea:
                validation.Code(target, "earmarkedTo", CodeLists.ThematicAreas);
                return target;
            case Earmarking.Region:
                validation.Check(Reference.RegionalGroups.Contains(target!), "earmarkedTo",
                    $"'{target}' is not a UN regional group ({string.Join(", ", Reference.RegionalGroups)}).");
                return target;
            case Earmarking.State:
                validation.MemberState(target, "earmarkedTo");
                return target;
            default:
                return validation.Check(Guid.TryParse(target, out var programmeId), "earmarkedTo", "must be a programme id.")
                    ? programmeId.ToString()
                    : null;
        }
    }
}

using Programmes.ReferenceData;

namespace Programmes.Funding.Model;

public sealed record InKindView(Guid Id, Guid DonorId, string DonorCode, InKindKind Kind, string Description, decimal EstimatedValue, string Currency,
    decimal? EstimatedValueUsd, ConversionState Conversion, bool CountedAsCash, DateOnly ContributionDate, Guid? ProgrammeId, string? ThematicArea,
    DateTimeOffset RecordedAt)
{
    public static InKindView From(InKindContribution c) => new(c.Id, c.DonorId, c.Donor.Code, c.Kind, c.Description,
        Money.Round(c.Currency, c.EstimatedValue), c.Currency, Money.Usd(c.EstimatedValueUsd), PaymentView.Pending(c.EstimatedValueUsd),
        false, c.ContributionDate, c.ProgrammeId, c.ThematicArea, c.RecordedAt);
}

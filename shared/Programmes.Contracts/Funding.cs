namespace Programmes.Contracts;

// Facts published by funding. Amounts are decimal with an ISO 4217 code; AmountUsd is null while a
// contribution waits for the month's UN operational rate.

public sealed record PledgeRecorded(
    Guid PledgeId,
    Guid DonorId,
    string DonorName,
    decimal Amount,
    string Currency,
    decimal? AmountUsd,
    string Earmarking,
    string? EarmarkedTo,
    DateOnly PledgeDate,
    DateTimeOffset RecordedAt,
    // Last and optional, so messages published before it was added still read (as null).
    string? DonorCode = null);

public sealed record PaymentReceived(
    Guid PaymentId,
    Guid PledgeId,
    Guid DonorId,
    decimal Amount,
    string Currency,
    decimal? AmountUsd,
    DateOnly ValueDate,
    DateTimeOffset ReceivedAt);

public sealed record InKindContributionRecorded(
    Guid ContributionId,
    Guid DonorId,
    string Kind,
    string Description,
    decimal EstimatedValue,
    string Currency,
    decimal? EstimatedValueUsd,
    Guid? ProgrammeId,
    string? ThematicArea,
    DateTimeOffset RecordedAt);

public sealed record FundsAllocated(
    Guid AllocationId,
    Guid ProgrammeId,
    Guid DonorId,
    string DonorName,
    string Source,
    decimal AmountUsd,
    decimal SupportCostUsd,
    DateTimeOffset AllocatedAt,
    Guid? PaymentId = null,
    string? Step = null);

public sealed record FundsReleased(
    Guid AllocationId,
    Guid ProgrammeId,
    Guid DonorId,
    decimal AmountUsd,
    DateTimeOffset ReleasedAt,
    decimal SupportCostUsd = 0m);

public sealed record ProgrammeFullyFunded(
    Guid ProgrammeId,
    decimal BudgetUsd,
    decimal AllocatedUsd,
    DateTimeOffset FundedAt);

/// <summary>A budget increase (or released funds) left a programme that was fully funded with a gap again.</summary>
public sealed record ProgrammeFundingGapOpened(
    Guid ProgrammeId,
    decimal BudgetUsd,
    decimal AllocatedUsd,
    DateTimeOffset OpenedAt);

/// <summary>A contribution recorded while its month's rate was missing now has its USD value.</summary>
public sealed record ContributionConverted(
    Guid ContributionId,
    string ContributionKind,
    Guid DonorId,
    decimal Amount,
    string Currency,
    decimal AmountUsd,
    DateOnly RateMonth,
    DateTimeOffset ConvertedAt);

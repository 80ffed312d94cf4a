using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Programmes.Contracts;

namespace Programmes.RequestIntake.Model;

[Description("Where an assistance request stands.")]
public enum RequestStatus
{
    /// <summary>A CTED referral: nothing happens until the State endorses it.</summary>
    [Description("A CTED referral: nothing happens until the State endorses it (endorse) or declines it (decline-referral).")]
    AwaitingStateEndorsement,
    /// <summary>The State's request waits for screening by staff.</summary>
    [Description("Waits for screening by staff: accept, decline or information-request.")]
    Submitted,
    [Description("Staff asked questions; the State answers them (answers) and the request returns to Submitted.")]
    InformationRequested,
    [Description("Accepted by staff: planning may draft a programme from it. Final.")]
    Accepted,
    [Description("Declined by staff (declineReason, declineText). Final.")]
    Declined,
    /// <summary>The State declined a CTED referral; no assistance follows.</summary>
    [Description("The State declined a CTED referral; no assistance follows. Final.")]
    DeclinedByState,
}

[Description("Why staff declined a request.")]
public enum DeclineReason
{
    [Description("Outside UNODC's counter-terrorism mandate.")]
    OutsideMandate,
    [Description("Duplicates another request (see possibleDuplicateOf).")]
    Duplicate,
    [Description("The State withdrew it.")]
    WithdrawnByState,
    [Description("Not enough information to act on, after asking.")]
    InsufficientInformation,
    [Description("Another reason, given in text (then required).")]
    Other,
}

/// <summary>A Member State's request for technical assistance, or a CTED referral awaiting the State's endorsement.</summary>
public sealed class AssistanceRequest
{
    public Guid Id { get; init; }
    public required string StateCode { get; init; }
    public RequestOrigin Origin { get; init; }
    public string? RequestingAuthority { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public required List<string> ThematicAreas { get; init; }
    public List<string> Instruments { get; init; } = [];
    public required string Needs { get; init; }
    public string? Priorities { get; init; }
    public DateOnly? DesiredStart { get; init; }
    public DateOnly? DesiredEnd { get; init; }
    public List<string> PreferredModalities { get; init; } = [];
    public List<string> BeneficiaryInstitutions { get; init; } = [];
    public RequestStatus Status { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Open requests of the same State overlapping in thematic area and period when this one entered screening.</summary>
    public List<Guid> PossibleDuplicateOf { get; set; } = [];

    public DeclineReason? DeclineReason { get; set; }
    public string? DeclineText { get; set; }
    public List<string> OpenQuestions { get; set; } = [];
    public string? LastAnswer { get; set; }

    public Guid? ReferralId { get; init; }
    public string? AssessmentReference { get; init; }
    public DateOnly? AssessmentDate { get; init; }

    /// <summary>False only for a CTED referral made without the State's consent: staff-only (<see cref="Programmes.ServiceDefaults.ReferralConsent"/>).</summary>
    public bool StateConsented { get; init; } = true;

    /// <summary>PostgreSQL's xmin: two officers screening the same request at once cannot both win.</summary>
    public uint Version { get; set; }

    public static readonly IReadOnlyList<RequestStatus> Open =
        [RequestStatus.AwaitingStateEndorsement, RequestStatus.Submitted, RequestStatus.InformationRequested, RequestStatus.Accepted];
}

internal sealed class AssistanceRequestConfiguration : IEntityTypeConfiguration<AssistanceRequest>
{
    public void Configure(EntityTypeBuilder<AssistanceRequest> request)
    {
        request.ToTable("assistance_requests");
        request.Property(r => r.StateCode).HasMaxLength(3);
        request.Property(r => r.Origin).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        request.Property(r => r.DeclineReason).HasConversion<string>().HasMaxLength(30);
        request.Property(r => r.RequestingAuthority).HasMaxLength(200);
        request.Property(r => r.Version).IsRowVersion();
        request.Property(r => r.StateConsented).HasDefaultValue(true).HasSentinel(true);
        // The State's listing: its own requests newest first, optionally by status; staff list by status.
        request.HasIndex(r => new { r.StateCode, r.SubmittedAt, r.Id }).HasDatabaseName("ix_assistance_requests_state_submitted");
        request.HasIndex(r => new { r.StateCode, r.Status, r.SubmittedAt }).HasDatabaseName("ix_assistance_requests_state_status_submitted");
        request.HasIndex(r => new { r.Status, r.SubmittedAt }).HasDatabaseName("ix_assistance_requests_status_submitted");
        request.HasIndex(r => r.SubmittedAt).HasDatabaseName("ix_assistance_requests_submitted");
        // The duplicate check (Screening.PossibleDuplicatesAsync): a State's open requests in submission order, so its
        // plan reads that State's open requests only instead of walking every request by date and filtering.
        request.HasIndex(r => new { r.StateCode, r.SubmittedAt }).HasDatabaseName("ix_assistance_requests_state_open_submitted")
            .HasFilter("status IN ('Submitted', 'InformationRequested', 'Accepted')");
        request.HasIndex(r => r.ThematicAreas).HasMethod("gin").HasDatabaseName("ix_assistance_requests_thematic_areas");
        request.HasIndex(r => r.ReferralId).IsUnique().HasDatabaseName("ux_assistance_requests_referral");
    }
}

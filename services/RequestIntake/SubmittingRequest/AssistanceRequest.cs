using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.RequestIntake.SubmittingRequest;

public enum RequestStatus
{
    Submitted,
}

/// <summary>A Member State's request for technical assistance.</summary>
public sealed class AssistanceRequest
{
    public Guid Id { get; init; }
    public required string StateCode { get; init; }
    public required string RequestingAuthority { get; init; }
    public required List<string> ThematicAreas { get; init; }
    public required string Needs { get; init; }
    public RequestStatus Status { get; set; }
    public DateTimeOffset SubmittedAt { get; init; }
}

internal sealed class AssistanceRequestConfiguration : IEntityTypeConfiguration<AssistanceRequest>
{
    public void Configure(EntityTypeBuilder<AssistanceRequest> request)
    {
        request.ToTable("assistance_requests");
        request.Property(r => r.StateCode).HasMaxLength(3);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        request.HasIndex(r => new { r.StateCode, r.SubmittedAt });
    }
}

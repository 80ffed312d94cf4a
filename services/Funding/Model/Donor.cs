using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.Funding.Model;

[Description("What kind of donor.")]
public enum DonorKind
{
    [Description("A Member State (stateCode names it).")]
    MemberState,
    [Description("An intergovernmental organisation.")]
    Intergovernmental,
    [Description("A private donor (foundation, company, person).")]
    Private,

    /// <summary>The UN regular budget (operative paragraph 18): a source beside voluntary contributions, without support cost.</summary>
    [Description("The UN regular budget (operative paragraph 18): a source beside voluntary contributions, without programme support cost.")]
    RegularBudget,
}

/// <summary>Whoever funds the work: a Member State, an intergovernmental organisation, a private donor, or the regular budget.</summary>
public sealed class Donor
{
    /// <summary>The one regular-budget source, inserted by the Initial migration.</summary>
    public static readonly Guid RegularBudgetId = new("00000000-0000-0000-0000-000000000018");
    public const string RegularBudgetCode = "REGULAR-BUDGET";

    public Guid Id { get; init; }

    /// <summary>The donor's code, e.g. DONOR-NOR; a donor client's <c>party</c> claim names it.</summary>
    public required string Code { get; init; }
    public required string Name { get; set; }
    public DonorKind Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-3, for Member State donors.</summary>
    public string? StateCode { get; init; }

    /// <summary>IATI organisation identifier, e.g. XM-DAC-8 for Norway.</summary>
    public string? IatiIdentifier { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public required List<string> AgreementReferences { get; set; }
    public DateTimeOffset RegisteredAt { get; init; }

    public bool IsVoluntary => Kind != DonorKind.RegularBudget;
}

internal sealed class DonorConfiguration : IEntityTypeConfiguration<Donor>
{
    public void Configure(EntityTypeBuilder<Donor> donor)
    {
        donor.ToTable("donors");
        donor.HasIndex(d => d.Code).IsUnique();
        donor.Property(d => d.Code).HasMaxLength(50);
        donor.Property(d => d.Name).HasMaxLength(200);
        donor.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        donor.Property(d => d.StateCode).HasMaxLength(3);
        donor.Property(d => d.IatiIdentifier).HasMaxLength(100);
        donor.Property(d => d.ContactName).HasMaxLength(200);
        donor.Property(d => d.ContactEmail).HasMaxLength(254);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Programmes.Funding.Persistence;

namespace Programmes.Funding.Model;

/// <summary>Money received against a pledge; once converted to USD it is paid funds that allocation draws on.</summary>
public sealed class Payment
{
    public Guid Id { get; init; }
    public Guid PledgeId { get; init; }
    public Pledge Pledge { get; init; } = null!;
    public Guid DonorId { get; init; }
    public decimal Amount { get; init; }
    public required string Currency { get; init; }

    /// <summary>At the UN operational rate of the value date's month; null while that rate is missing.</summary>
    public decimal? AmountUsd { get; set; }
    public DateOnly ValueDate { get; init; }
    public DateOnly RateMonth { get; init; }
    public required string BankReference { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>USD drawn by allocations, programme support cost included.</summary>
    public decimal AllocatedUsd { get; set; }

    public decimal AvailableUsd => AmountUsd is { } usd ? usd - AllocatedUsd : 0m;
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> payment)
    {
        payment.ToTable("payments");
        payment.Property(p => p.Currency).HasMaxLength(3);
        payment.Property(p => p.Amount).IsAmountInCurrency();
        payment.Property(p => p.AmountUsd).IsUsd();
        payment.Property(p => p.AllocatedUsd).IsUsd();
        payment.Property(p => p.BankReference).HasMaxLength(100);
        payment.Ignore(p => p.AvailableUsd);
        payment.HasOne(p => p.Pledge).WithMany(p => p.Payments).HasForeignKey(p => p.PledgeId).OnDelete(DeleteBehavior.Restrict);
        payment.HasIndex(p => p.DonorId);
        payment.HasIndex(p => new { p.Currency, p.RateMonth }).HasFilter("amount_usd IS NULL");
    }
}

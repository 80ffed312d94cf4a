using System.ComponentModel;
using Programmes.ReferenceData;


namespace Programmes.Funding.Model;

/// <summary>Whether an amount in another currency has its USD value yet.</summary>
[Description("Whether the USD value of the amount is known yet.")]
public enum ConversionState
{
    [Description("No exchange rate for the value date is loaded yet: amountUsd is null until one is, then the amount converts and counts.")]
    PendingRate,
    [Description("Converted to USD at the rate of its value date (amountUsd holds the result).")]
    Converted,
}

public sealed record PaymentView(Guid Id, Guid PledgeId, Guid DonorId, decimal Amount, string Currency, decimal? AmountUsd, ConversionState Conversion,
    DateOnly ValueDate, string BankReference, DateTimeOffset ReceivedAt)
{
    public static PaymentView From(Payment p) => new(p.Id, p.PledgeId, p.DonorId, Money.Round(p.Currency, p.Amount), p.Currency,
        Money.Usd(p.AmountUsd), Pending(p.AmountUsd), p.ValueDate, p.BankReference, p.ReceivedAt);

    internal static ConversionState Pending(decimal? usd) => usd is null ? ConversionState.PendingRate : ConversionState.Converted;
}

/// <summary>A pledge as clients see it: amounts rounded to the currency's minor units, USD to cents.</summary>
public sealed record PledgeView(Guid Id, Guid DonorId, string DonorCode, decimal Amount, string Currency, decimal? AmountUsd, ConversionState Conversion,
    DateOnly PledgeDate, string AgreementReference, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    Earmarking Earmarking, string EarmarkingLevel, string? EarmarkedTo, decimal Paid, decimal Outstanding,
    IReadOnlyList<PaymentView> Payments, DateTimeOffset RecordedAt)
{
    public static PledgeView From(Pledge p)
    {
        var paid = p.Payments.Sum(x => x.Amount);
        return new(p.Id, p.DonorId, p.Donor.Code, Money.Round(p.Currency, p.Amount), p.Currency, Money.Usd(p.AmountUsd), PaymentView.Pending(p.AmountUsd),
            p.PledgeDate, p.AgreementReference, p.PeriodStart, p.PeriodEnd, p.Earmarking, p.EarmarkingLevel, p.EarmarkedTo,
            Money.Round(p.Currency, paid), Money.Round(p.Currency, Math.Max(0m, p.Amount - paid)),
            p.Payments.OrderBy(x => x.ValueDate).ThenBy(x => x.Id).Select(PaymentView.From).ToList(), p.RecordedAt);
    }
}

namespace Programmes.Funding;

/// <summary>Funding rules that finance may tune (section <c>Funding</c>).</summary>
public sealed class FundingOptions
{
    /// <summary>Programme support cost charged on voluntary funds, as a fraction of the direct cost funded (UN default 13%).</summary>
    public decimal SupportCostRate { get; set; } = 0.13m;

    /// <summary>How far a payment may exceed what is left of its pledge (bank charges, exchange differences), as a fraction of the pledge.</summary>
    public decimal OverpaymentTolerance { get; set; } = 0.01m;
}

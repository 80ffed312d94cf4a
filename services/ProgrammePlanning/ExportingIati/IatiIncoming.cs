using System.Xml.Linq;
using Programmes.ProgrammePlanning.FundingProgramme;
using static Programmes.ProgrammePlanning.ExportingIati.IatiCodes;

namespace Programmes.ProgrammePlanning.ExportingIati;

/// <summary>
/// A programme's incoming transactions from donors' own facts: each pledge earmarked to it is an Incoming
/// Commitment (11) and each payment on such a pledge Incoming Funds (1), in the donor's currency, with the
/// donor as provider-org. Every pledge is 11, never Incoming Pledge (13): funding records a pledge only with
/// the reference of its signed agreement, which is the codelist's "firm, written obligation", not an
/// "indicative, non-binding advice".
/// </summary>
internal static class IatiIncoming
{
    /// <summary>
    /// The donor's organisation identifier: funding's donor code under UNODC's own identifier
    /// (<c>XM-DAC-41128-DONOR-NOR</c>), an identifier UNODC issues, since donors' registered IATI identifiers
    /// are not recorded. Null when the donor code is not known (facts published before it was sent).
    /// </summary>
    public static string? DonorRef(string? donorCode) => donorCode is null ? null : $"{Unodc}-{donorCode}";

    public static IEnumerable<XElement> Transactions(IReadOnlyCollection<DonorContribution> contributions)
    {
        var pledges = contributions.Where(c => c.Kind == DonorContributionKind.Pledge).ToDictionary(c => c.Id);
        foreach (var c in contributions.Where(c => pledges.ContainsKey(c.PledgeId)).OrderBy(c => c.Date).ThenBy(c => c.Kind).ThenBy(c => c.Id))
        {
            var pledge = pledges[c.PledgeId];
            yield return c.Kind == DonorContributionKind.Pledge
                ? IatiExport.Incoming(IncomingCommitment, c.Date, c.Amount, c.Currency, $"Pledge {c.PledgeId}", pledge.DonorName ?? "", pledge.DonorCode)
                : IatiExport.Incoming(IncomingFunds, c.Date, c.Amount, c.Currency, $"Payment {c.Id} on pledge {c.PledgeId}", pledge.DonorName ?? "", pledge.DonorCode);
        }
    }

    /// <summary>The payments already reported as incoming funds: allocations made from them are not reported again.</summary>
    public static HashSet<Guid> ReportedPayments(IReadOnlyCollection<DonorContribution> contributions)
    {
        var pledges = contributions.Where(c => c.Kind == DonorContributionKind.Pledge).Select(c => c.Id).ToHashSet();
        return contributions.Where(c => c.Kind == DonorContributionKind.Payment && pledges.Contains(c.PledgeId)).Select(c => c.Id).ToHashSet();
    }
}

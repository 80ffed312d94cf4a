using Programmes.ProgrammePlanning.Model;

namespace Programmes.ProgrammePlanning.ExportingIati;

/// <summary>The IATI 2.03 codelist values the export uses, and how our facts map onto them.</summary>
public static class IatiCodes
{
    /// <summary>UNODC's organisation identifier: DAC channel code 41128 under the XM-DAC registration agency.</summary>
    public const string Unodc = "XM-DAC-41128";
    public const string UnodcName = "United Nations Office on Drugs and Crime";

    public const string OrganisationTypeMultilateral = "40";

    public const string RoleFunding = "1";
    public const string RoleAccountable = "2";
    public const string RoleImplementing = "4";

    public const string DatePlannedStart = "1";
    public const string DateActualStart = "2";
    public const string DatePlannedEnd = "3";
    public const string DateActualEnd = "4";

    public const string IncomingFunds = "1";
    public const string OutgoingCommitment = "2";
    public const string Disbursement = "3";
    public const string Expenditure = "4";
    public const string IncomingCommitment = "11";

    public const string BudgetOriginal = "1";
    public const string BudgetIndicative = "1";
    public const string BudgetCommitted = "2";

    /// <summary>Vocabulary 1: OECD DAC codes (5-digit sectors, regions, policy markers).</summary>
    public const string VocabularyDac = "1";
    public const string PolicyMarkerGender = "1";

    /// <summary>
    /// Completed maps to Finalisation, not Closed: delivery is over but the financial closure is not
    /// tracked here. Drafts are never exported.
    /// </summary>
    public static string ActivityStatus(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Draft or ProgrammeStatus.Proposed => "1",
        ProgrammeStatus.Approved or ProgrammeStatus.InDelivery => "2",
        ProgrammeStatus.Completed => "3",
        ProgrammeStatus.Cancelled => "5",
        ProgrammeStatus.Suspended => "6",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>OECD DAC "regional" recipient codes for the M49 regions of the Member States table.</summary>
    public static string Region(string m49Region) => m49Region switch
    {
        "Africa" => "298",
        "Americas" => "498",
        "Asia" => "798",
        "Europe" => "89",
        "Oceania" => "889",
        _ => "998",
    };

    /// <summary>
    /// The UN gender equality marker (0-3) as OECD policy-marker significance: 0 not targeted, 1 and 2
    /// significant objective, 3 principal objective.
    /// </summary>
    public static string GenderSignificance(int marker) => marker switch
    {
        <= 0 => "0",
        1 or 2 => "1",
        _ => "2",
    };
}

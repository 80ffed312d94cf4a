namespace Programmes.ProgrammePlanning.ReportingImplementation;

public sealed record ParticipantFigures(int Women, int Men, int Other)
{
    public int Total => Women + Men + Other;
}

/// <summary>The figures the report gives for one operative paragraph, one thematic area, or in total.</summary>
public sealed record ReportFigures(
    int RequestsReceived,
    int RequestsAccepted,
    int ProgrammesApproved,
    int ActivitiesDelivered,
    ParticipantFigures Participants,
    int StatesAssisted,
    int Ratifications,
    int LawsDrafted,
    int LawsAmended,
    int OfficialsTrained,
    int ToolsPublished,
    decimal FundsAllocatedUsd,
    decimal FundsSpentUsd);

public sealed record OperativeParagraphRow(int OperativeParagraph, IReadOnlyList<string> ThematicAreas, ReportFigures Figures);

public sealed record ThematicAreaRow(string ThematicArea, string Name, IReadOnlyList<int> OperativeParagraphs, ReportFigures Figures);

public sealed record ModalityRow(string Modality, string Name, int ActivitiesDelivered, ParticipantFigures Participants);

public sealed record RegionalGroupRow(string RegionalGroup, int StatesAssisted, IReadOnlyList<string> States);

/// <summary>The implementation report (operative paragraph 19) for a period, dates inclusive.</summary>
public sealed record ImplementationReportDocument(
    DateOnly From,
    DateOnly To,
    DateTimeOffset GeneratedAt,
    ReportFigures Totals,
    IReadOnlyList<OperativeParagraphRow> ByOperativeParagraph,
    IReadOnlyList<ThematicAreaRow> ByThematicArea,
    IReadOnlyList<ModalityRow> ActivitiesDeliveredByModality,
    IReadOnlyList<RegionalGroupRow> StatesAssistedByRegionalGroup);

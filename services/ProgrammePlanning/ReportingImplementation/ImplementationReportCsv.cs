using System.Globalization;
using System.Text;

namespace Programmes.ProgrammePlanning.ReportingImplementation;

/// <summary>
/// The report as one CSV table: a row per operative paragraph, thematic area, modality, regional group and
/// the total, told apart by the <c>dimension</c> column; columns a dimension does not have stay empty.
/// </summary>
public static class ImplementationReportCsv
{
    private const string Header =
        "dimension,key,name,requests_received,requests_accepted,programmes_approved,activities_delivered,participants_women,participants_men,participants_other,states_assisted,ratifications,laws_drafted,laws_amended,officials_trained,tools_published,funds_allocated_usd,funds_spent_usd";

    public static string Write(ImplementationReportDocument report)
    {
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var row in report.ByOperativeParagraph)
        {
            Figures(csv, "operative-paragraph", row.OperativeParagraph.ToString(CultureInfo.InvariantCulture), $"op. {row.OperativeParagraph}", row.Figures);
        }
        foreach (var row in report.ByThematicArea)
        {
            Figures(csv, "thematic-area", row.ThematicArea, row.Name, row.Figures);
        }
        foreach (var row in report.ActivitiesDeliveredByModality)
        {
            Line(csv, "modality", row.Modality, row.Name, "", "", "", N(row.ActivitiesDelivered),
                N(row.Participants.Women), N(row.Participants.Men), N(row.Participants.Other), "", "", "", "", "", "", "", "");
        }
        foreach (var row in report.StatesAssistedByRegionalGroup)
        {
            Line(csv, "regional-group", row.RegionalGroup, string.Join(' ', row.States), "", "", "", "", "", "", "", N(row.StatesAssisted), "", "", "", "", "", "", "");
        }
        Figures(csv, "total", "total", $"{report.From:yyyy-MM-dd}/{report.To:yyyy-MM-dd}", report.Totals);
        return csv.ToString();
    }

    private static void Figures(StringBuilder csv, string dimension, string key, string name, ReportFigures f) =>
        Line(csv, dimension, key, name, N(f.RequestsReceived), N(f.RequestsAccepted), N(f.ProgrammesApproved), N(f.ActivitiesDelivered),
            N(f.Participants.Women), N(f.Participants.Men), N(f.Participants.Other), N(f.StatesAssisted), N(f.Ratifications),
            N(f.LawsDrafted), N(f.LawsAmended), N(f.OfficialsTrained), N(f.ToolsPublished), M(f.FundsAllocatedUsd), M(f.FundsSpentUsd));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string M(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }
            var cell = cells[i];
            csv.Append(cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell);
        }
        csv.Append('\n');
    }
}

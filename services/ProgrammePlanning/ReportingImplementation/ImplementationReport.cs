using Microsoft.EntityFrameworkCore;
using Programmes.Contracts;
using Programmes.ProgrammePlanning.FundingProgramme;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ProgrammePlanning.RecordingResults;
using Programmes.ReferenceData;

namespace Programmes.ProgrammePlanning.ReportingImplementation;

/// <summary>
/// Computes the implementation report. Attribution: a request counts under its thematic areas; a delivered
/// activity (its participants, cost and the States it reached) under its own area; a programme (its
/// approval, funds and results) under the programme's areas. A thing counts once per operative paragraph
/// and once in the totals even when several of its areas share a paragraph, so rows do not add up to the
/// totals. Periods select by date: submitted, accepted, first approved, activity ended, funds moved, result dated.
/// </summary>
public static class ImplementationReport
{
    public static async Task<ImplementationReportDocument> BuildAsync(
        PlanningDb db, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var tally = new Tallies();

        var requests = await db.IntakeItems.AsNoTracking()
            .Where(i => (i.SubmittedAt >= start && i.SubmittedAt < end) || (i.AcceptedAt >= start && i.AcceptedAt < end))
            .Select(i => new { i.ThematicAreas, i.SubmittedAt, i.AcceptedAt })
            .ToListAsync(cancellationToken);
        foreach (var r in requests)
        {
            var received = r.SubmittedAt >= start && r.SubmittedAt < end;
            var accepted = r.AcceptedAt >= start && r.AcceptedAt < end;
            tally.Attribute(r.ThematicAreas, t => { t.Received += received ? 1 : 0; t.Accepted += accepted ? 1 : 0; });
        }

        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => p.Status != ProgrammeStatus.Draft)
            .Select(p => new { p.Id, p.StateCodes, p.ThematicAreas, p.FirstApprovedAt })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var p in programmes.Values.Where(p => p.FirstApprovedAt >= start && p.FirstApprovedAt < end))
        {
            tally.Attribute(p.ThematicAreas, t => t.Approved++);
        }

        var delivered = await db.Activities.AsNoTracking()
            .Where(a => a.ActualEnd >= from && a.ActualEnd <= to)
            .Select(a => new { a.ProgrammeId, a.ThematicArea, a.Modality, a.StateCode, a.ActualWomen, a.ActualMen, a.ActualOther, Spent = a.SpentUsd ?? a.BudgetUsd })
            .ToListAsync(cancellationToken);
        foreach (var a in delivered)
        {
            IReadOnlyList<string> states = a.StateCode is not null ? [a.StateCode]
                : programmes.TryGetValue(a.ProgrammeId, out var p) ? p.StateCodes : [];
            tally.Attribute([a.ThematicArea], t =>
            {
                t.Delivered++;
                t.Women += a.ActualWomen;
                t.Men += a.ActualMen;
                t.Other += a.ActualOther;
                t.Spent += a.Spent;
                t.States.UnionWith(states);
            });
            tally.Modality(a.Modality, a.ActualWomen, a.ActualMen, a.ActualOther);
        }

        var funds = await db.FundingMovements.AsNoTracking()
            .Where(m => m.At >= start && m.At < end)
            .GroupBy(m => new { m.ProgrammeId, m.Kind })
            .Select(g => new { g.Key.ProgrammeId, g.Key.Kind, Amount = g.Sum(m => m.AmountUsd) })
            .ToListAsync(cancellationToken);
        foreach (var f in funds)
        {
            var amount = f.Kind == FundingMovementKind.Allocated ? f.Amount : -f.Amount;
            tally.Attribute(programmes.TryGetValue(f.ProgrammeId, out var p) ? p.ThematicAreas : [], t => t.Allocated += amount);
        }

        var results = await db.Results.AsNoTracking()
            .Where(r => r.Date >= from && r.Date <= to)
            .Select(r => new { r.ProgrammeId, r.Kind, r.Count, r.RatificationStatus })
            .ToListAsync(cancellationToken);
        foreach (var r in results)
        {
            var ratified = r.Kind == ResultKind.Ratification && RatificationStatuses.IsParty(r.RatificationStatus);
            tally.Attribute(programmes.TryGetValue(r.ProgrammeId, out var p) ? p.ThematicAreas : [], t =>
            {
                t.Ratifications += ratified ? 1 : 0;
                t.LawsDrafted += r.Kind == ResultKind.LawDrafted ? 1 : 0;
                t.LawsAmended += r.Kind == ResultKind.LawAmended ? 1 : 0;
                t.OfficialsTrained += r.Kind == ResultKind.OfficialsTrained ? r.Count ?? 0 : 0;
                t.ToolsPublished += r.Kind == ResultKind.ToolPublished ? r.Count ?? 1 : 0;
            });
        }

        return tally.ToDocument(from, to, now);
    }

    private sealed class Tally
    {
        public int Received, Accepted, Approved, Delivered, Women, Men, Other, Ratifications, LawsDrafted, LawsAmended, OfficialsTrained, ToolsPublished;
        public decimal Allocated, Spent;
        public readonly HashSet<string> States = new(StringComparer.Ordinal);

        public ReportFigures ToFigures() => new(Received, Accepted, Approved, Delivered, new ParticipantFigures(Women, Men, Other), States.Count,
            Ratifications, LawsDrafted, LawsAmended, OfficialsTrained, ToolsPublished, Allocated, Spent);
    }

    private sealed class Tallies
    {
        private readonly Tally _total = new();
        private readonly Dictionary<string, Tally> _byArea = Reference.ThematicAreas.Keys.ToDictionary(a => a, _ => new Tally());
        private readonly SortedDictionary<int, Tally> _byParagraph = new(Reference.ThematicAreas.Values
            .SelectMany(a => a.OperativeParagraphs).Distinct().ToDictionary(op => op, _ => new Tally()));
        private readonly Dictionary<string, Tally> _byModality = Reference.DeliveryModalities.Keys.ToDictionary(m => m, _ => new Tally());

        public void Attribute(IEnumerable<string> areas, Action<Tally> apply)
        {
            var paragraphs = new HashSet<int>();
            foreach (var area in areas.Distinct())
            {
                if (_byArea.TryGetValue(area, out var tally))
                {
                    apply(tally);
                    paragraphs.UnionWith(Reference.ThematicAreas[area].OperativeParagraphs);
                }
            }
            foreach (var paragraph in paragraphs)
            {
                apply(_byParagraph[paragraph]);
            }
            apply(_total);
        }

        public void Modality(string modality, int women, int men, int other)
        {
            if (_byModality.TryGetValue(modality, out var t))
            {
                t.Delivered++;
                (t.Women, t.Men, t.Other) = (t.Women + women, t.Men + men, t.Other + other);
            }
        }

        public ImplementationReportDocument ToDocument(DateOnly from, DateOnly to, DateTimeOffset now) => new(
            from, to, now, _total.ToFigures(),
            [.. _byParagraph.Select(p => new OperativeParagraphRow(p.Key,
                [.. Reference.ThematicAreas.Values.Where(a => a.OperativeParagraphs.Contains(p.Key)).Select(a => a.Code).Order(StringComparer.Ordinal)],
                p.Value.ToFigures()))],
            [.. Reference.ThematicAreas.Values.OrderBy(a => a.OperativeParagraphs[0]).ThenBy(a => a.Code, StringComparer.Ordinal)
                .Select(a => new ThematicAreaRow(a.Code, a.Name, a.OperativeParagraphs, _byArea[a.Code].ToFigures()))],
            [.. Reference.DeliveryModalities.Values.OrderBy(m => m.Code, StringComparer.Ordinal).Select(m => new ModalityRow(
                m.Code, m.Name, _byModality[m.Code].Delivered, new ParticipantFigures(_byModality[m.Code].Women, _byModality[m.Code].Men, _byModality[m.Code].Other)))],
            [.. Reference.RegionalGroups.Select(g =>
            {
                var states = _total.States.Where(s => Reference.MemberStates.TryGetValue(s, out var m) && m.RegionalGroup == g).Order(StringComparer.Ordinal).ToArray();
                return new RegionalGroupRow(g, states.Length, states);
            })]);
    }
}

using System.Globalization;
using System.Xml.Linq;
using Programmes.ProgrammePlanning.FundingProgramme;
using Programmes.ProgrammePlanning.Model;
using Programmes.ReferenceData;
using static Programmes.ProgrammePlanning.ExportingIati.IatiCodes;

namespace Programmes.ProgrammePlanning.ExportingIati;

/// <summary>Writes programmes as an IATI 2.03 <c>iati-activities</c> document, one activity per programme.</summary>
public static class IatiExport
{
    private static readonly XNamespace Xml = XNamespace.Xml;

    /// <param name="contributions">By programme: the pledges earmarked to it and the payments on them.</param>
    public static XDocument Write(IEnumerable<Programme> programmes, ILookup<Guid, FundingMovement> funding,
        ILookup<Guid, DonorContribution> contributions, DateTimeOffset now) =>
        new(new XDeclaration("1.0", "UTF-8", null),
            new XElement("iati-activities",
                new XAttribute("version", "2.03"),
                new XAttribute("generated-datetime", DateTime(now)),
                programmes.Select(p => Activity(p, funding[p.Id], [.. contributions[p.Id]], now))));

    private static XElement Activity(Programme p, IEnumerable<FundingMovement> funding, IReadOnlyCollection<DonorContribution> contributions, DateTimeOffset now)
    {
        var movements = funding.OrderBy(m => m.At).ToList();
        // A donor's ref is known from its pledges (funding sends the donor code with them).
        var refs = contributions.Where(c => c.DonorCode is not null).GroupBy(c => c.DonorId).ToDictionary(g => g.Key, g => g.First().DonorCode);
        var funders = contributions.Where(c => c.Kind == DonorContributionKind.Pledge).Select(c => (Id: c.DonorId, Name: c.DonorName ?? ""))
            .Concat(movements.Where(m => m.Kind == FundingMovementKind.Allocated).Select(m => (Id: m.DonorId, Name: m.DonorName)))
            .DistinctBy(d => d.Name);
        return new XElement("iati-activity",
            new XAttribute("last-updated-datetime", DateTime(p.UpdatedAt)),
            new XAttribute(Xml + "lang", "en"),
            new XAttribute("default-currency", "USD"),
            new XAttribute("hierarchy", "1"),
            new XElement("iati-identifier", $"{Unodc}-{p.Id}"),
            new XElement("reporting-org", new XAttribute("ref", Unodc), new XAttribute("type", OrganisationTypeMultilateral), Narrative(UnodcName)),
            new XElement("title", Narrative(p.Title)),
            new XElement("description", new XAttribute("type", "1"), Narrative(p.Objectives)),
            funders.Select(donor => new XElement("participating-org", Ref(IatiIncoming.DonorRef(refs.GetValueOrDefault(donor.Id))),
                new XAttribute("role", RoleFunding), Narrative(donor.Name))),
            Organisation(RoleAccountable),
            Organisation(RoleImplementing),
            p.JointPartners.Select(code => new XElement("participating-org", new XAttribute("role", RoleImplementing),
                Narrative(Reference.Partners.TryGetValue(code, out var partner) ? partner.Name : code))),
            new XElement("activity-status", new XAttribute("code", ActivityStatus(p.Status))),
            Dates(p),
            Recipients(p),
            Sectors(p),
            p.GenderMarker is { } marker
                ? new XElement("policy-marker", new XAttribute("vocabulary", VocabularyDac), new XAttribute("code", PolicyMarkerGender),
                    new XAttribute("significance", GenderSignificance(marker)))
                : null,
            Budgets(p),
            IatiIncoming.Transactions(contributions),
            Transactions(p, movements, IatiIncoming.ReportedPayments(contributions), refs, now));
    }

    private static XElement Organisation(string role) =>
        new("participating-org", new XAttribute("ref", Unodc), new XAttribute("role", role), new XAttribute("type", OrganisationTypeMultilateral), Narrative(UnodcName));

    private static IEnumerable<XElement> Dates(Programme p)
    {
        if (p.Activities.Count > 0)
        {
            yield return ActivityDate(DatePlannedStart, p.Activities.Min(a => a.PlannedStart));
            var delivered = p.Activities.Where(a => a.IsDelivered).ToList();
            if (delivered.Count > 0)
            {
                yield return ActivityDate(DateActualStart, delivered.Min(a => a.ActualStart!.Value));
            }
            yield return ActivityDate(DatePlannedEnd, p.Activities.Max(a => a.PlannedEnd));
            if (p.Status == ProgrammeStatus.Completed && delivered.Count > 0)
            {
                yield return ActivityDate(DateActualEnd, delivered.Max(a => a.ActualEnd!.Value));
            }
        }
        else
        {
            yield return ActivityDate(DatePlannedStart, DateOnly.FromDateTime(p.CreatedAt.UtcDateTime));
        }
    }

    /// <summary>A national programme names its country; a regional one the DAC regions its States lie in.</summary>
    private static IEnumerable<XElement> Recipients(Programme p)
    {
        if (p.Scope == ProgrammeScope.National)
        {
            return p.StateCodes.Select(s => new XElement("recipient-country",
                new XAttribute("code", Reference.MemberStates[s].Iso2), new XAttribute("percentage", "100")));
        }
        var regions = p.StateCodes.GroupBy(s => Region(Reference.MemberStates[s].Region)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var shares = Percentages(regions.Select(g => (decimal)g.Count()).ToList());
        return regions.Select((g, i) => new XElement("recipient-region",
            new XAttribute("code", g.Key), new XAttribute("vocabulary", VocabularyDac), new XAttribute("percentage", shares[i])));
    }

    /// <summary>DAC sectors of the programme's thematic areas, weighted by the budget planned in each.</summary>
    private static IEnumerable<XElement> Sectors(Programme p)
    {
        var weights = p.ThematicAreas.Select(a => Reference.ThematicAreas[a].DacSector).Distinct().Order(StringComparer.Ordinal)
            .ToDictionary(s => s, s => p.Activities.Where(a => Reference.ThematicAreas[a.ThematicArea].DacSector == s).Sum(a => a.BudgetUsd));
        var sectors = weights.Keys.ToList();
        var shares = Percentages(weights.Values.Sum() > 0 ? [.. weights.Values] : [.. weights.Values.Select(_ => 1m)]);
        return sectors.Select((s, i) => new XElement("sector",
            new XAttribute("vocabulary", VocabularyDac), new XAttribute("code", s), new XAttribute("percentage", shares[i])));
    }

    /// <summary>One budget per calendar year (IATI budget periods may not exceed a year), by planned start.</summary>
    private static IEnumerable<XElement> Budgets(Programme p)
    {
        var status = p.Status is ProgrammeStatus.Draft or ProgrammeStatus.Proposed ? BudgetIndicative : BudgetCommitted;
        return p.Activities.GroupBy(a => a.PlannedStart.Year).OrderBy(g => g.Key).Select(g =>
        {
            var start = new DateOnly(g.Key, 1, 1);
            return new XElement("budget", new XAttribute("type", BudgetOriginal), new XAttribute("status", status),
                new XElement("period-start", new XAttribute("iso-date", Date(start))),
                new XElement("period-end", new XAttribute("iso-date", Date(new DateOnly(g.Key, 12, 31)))),
                Value(g.Sum(a => a.BudgetUsd), start));
        });
    }

    /// <summary>
    /// An allocation not made from a payment already reported (see <see cref="IatiIncoming"/>) stays visible
    /// as an incoming commitment from the donor and, since funding allocates only money it has received,
    /// incoming funds from the payment it was made from; a release reverses both with negative values.
    /// Approval commits the budget outwards. A delivered activity's cost is a disbursement to each partner
    /// entity that implemented part of it and an expenditure for the rest.
    /// </summary>
    private static IEnumerable<XElement> Transactions(
        Programme p, List<FundingMovement> movements, HashSet<Guid> reportedPayments, Dictionary<Guid, string?> refs, DateTimeOffset now)
    {
        // A release may be heard of before its allocation, so the allocation row, not the release, names the
        // donor and the payment.
        var allocations = movements.Where(m => m.Kind == FundingMovementKind.Allocated).ToDictionary(m => m.AllocationId);
        foreach (var m in movements)
        {
            var date = DateOnly.FromDateTime(m.At.UtcDateTime);
            var allocation = allocations.GetValueOrDefault(m.AllocationId) ?? m;
            if (allocation.PaymentId is { } reported && reportedPayments.Contains(reported))
            {
                continue;
            }
            var donorRef = refs.GetValueOrDefault(allocation.DonorId);
            var amount = m.Kind == FundingMovementKind.Allocated ? m.AmountUsd : -m.AmountUsd;
            var description = m.Kind == FundingMovementKind.Allocated ? $"Allocation ({m.Source})" : "Allocation released";
            yield return Incoming(IncomingCommitment, date, amount, "USD", description, allocation.DonorName, donorRef);
            if (allocation.PaymentId is { } payment)
            {
                yield return Incoming(IncomingFunds, date, amount, "USD", $"{description}, from payment {payment}", allocation.DonorName, donorRef);
            }
        }
        if (p.ApprovedAt is { } approved && p.Status is not (ProgrammeStatus.Proposed or ProgrammeStatus.Draft))
        {
            var date = DateOnly.FromDateTime(approved.UtcDateTime);
            yield return Transaction(OutgoingCommitment, date, p.BudgetUsd, "Programme budget committed on approval");
        }
        foreach (var a in p.Activities.Where(a => a.IsDelivered).OrderBy(a => a.ActualEnd))
        {
            var date = a.ActualEnd!.Value;
            foreach (var (partner, disbursed) in a.DisbursedUsd.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                yield return Transaction(Disbursement, date, disbursed, a.Title,
                    new XElement("provider-org", new XAttribute("ref", Unodc), Narrative(UnodcName)),
                    new XElement("receiver-org", Narrative(Reference.Partners.TryGetValue(partner, out var entity) ? entity.Name : partner)));
            }
            var spent = (a.SpentUsd ?? a.BudgetUsd) - a.DisbursedUsd.Values.Sum();
            if (spent > 0 || a.DisbursedUsd.Count == 0)
            {
                yield return Transaction(Expenditure, date, spent, a.Title);
            }
        }
    }

    /// <summary>Money from a donor to UNODC, in the donor's currency; the donor's ref when known (<see cref="IatiIncoming.DonorRef"/>).</summary>
    internal static XElement Incoming(string type, DateOnly date, decimal amount, string currency, string description, string donorName, string? donorCode) =>
        Transaction(type, date, amount, description,
            [new XElement("provider-org", Ref(IatiIncoming.DonorRef(donorCode)), Narrative(donorName)),
                new XElement("receiver-org", new XAttribute("ref", Unodc), Narrative(UnodcName))],
            currency);

    private static XAttribute? Ref(string? reference) => reference is null ? null : new XAttribute("ref", reference);

    private static XElement Transaction(string type, DateOnly date, decimal amount, string description, params XElement[] parties) =>
        Transaction(type, date, amount, description, parties, "USD");

    private static XElement Transaction(string type, DateOnly date, decimal amount, string description, XElement[] parties, string currency) =>
        new("transaction",
            new XElement("transaction-type", new XAttribute("code", type)),
            new XElement("transaction-date", new XAttribute("iso-date", Date(date))),
            Value(amount, date, currency),
            new XElement("description", Narrative(description)),
            parties);

    /// <summary>Shares of 100 with two decimals that add up to exactly 100 (the last takes the rounding).</summary>
    private static List<string> Percentages(IReadOnlyList<decimal> weights)
    {
        var total = weights.Sum();
        var shares = weights.Select(w => decimal.Round(w * 100 / total, 2)).ToList();
        shares[^1] = 100 - shares.Take(shares.Count - 1).Sum();
        return [.. shares.Select(s => s.ToString("0.##", CultureInfo.InvariantCulture))];
    }

    private static XElement ActivityDate(string type, DateOnly date) =>
        new("activity-date", new XAttribute("type", type), new XAttribute("iso-date", Date(date)));

    private static XElement Narrative(string text) => new("narrative", text);

    /// <summary>The amount at its currency's minor units (USD 2, JPY 0, KWD 3), as the donor's money is exact at them.</summary>
    private static XElement Value(decimal amount, DateOnly valueDate, string currency = "USD") =>
        new("value", new XAttribute("currency", currency), new XAttribute("value-date", Date(valueDate)),
            amount.ToString("F" + Money.MinorUnits(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DateTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

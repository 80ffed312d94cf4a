using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.ReferenceData;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.TrackingRatifications;

public sealed record StateRatifications(
    string StateCode, IReadOnlyList<RatificationView> Instruments, IReadOnlyList<string> Gaps, SuggestedRequest? SuggestedRequest);

/// <summary>The fields of a RATIFICATION request a State's gaps suggest; add the requesting authority and submit it.</summary>
public sealed record SuggestedRequest(string StateCode, IReadOnlyList<string> ThematicAreas, string Needs, IReadOnlyList<string> Instruments,
    IReadOnlyList<string> PreferredModalities);

public sealed record InstrumentStanding(string InstrumentCode, string ShortName, int PartyCount, int SignedOnlyCount);

public sealed record GlobalRatifications(int StateCount, IReadOnlyList<InstrumentStanding> Instruments, IReadOnlyList<string> StatesPartyToAll);

/// <summary>
/// Treaty status is public (the depositaries publish it), so every client may read it. A State's gaps
/// come with a draft RATIFICATION request it can complete and submit.
/// </summary>
public static class ReadingRatifications
{
    public static async Task<Results<Ok<StateRatifications>, ProblemHttpResult>> ForState(
        string stateCode, IntakeDb db, CancellationToken cancellationToken)
    {
        if (!Reference.IsMemberState(stateCode))
        {
            return Problem.NotFound("The State");
        }
        var recorded = await db.Ratifications.AsNoTracking().Where(r => r.StateCode == stateCode).ToDictionaryAsync(r => r.InstrumentCode, cancellationToken);
        var instruments = Reference.Instruments.Values.OrderBy(i => i.Number)
            .Select(i => recorded.GetValueOrDefault(i.Code) ?? new Ratification { StateCode = stateCode, InstrumentCode = i.Code, UpdatedBy = "" })
            .Select(RecordRatification.View)
            .ToList();
        var gaps = instruments.Where(i => !i.IsParty).Select(i => i.InstrumentCode).ToList();
        var draft = gaps.Count == 0 ? null : new SuggestedRequest(
            stateCode,
            ThematicAreas: ["RATIFICATION"],
            Needs: "Assistance to become party to: " + string.Join("; ", gaps.Select(g => Reference.Instruments[g].ShortName)) + ".",
            Instruments: gaps,
            PreferredModalities: ["LEGAL-ADVISORY", "LEGISLATIVE-DRAFTING"]);
        return TypedResults.Ok(new StateRatifications(stateCode, instruments, gaps, draft));
    }

    public static async Task<Ok<GlobalRatifications>> Global(IntakeDb db, CancellationToken cancellationToken)
    {
        var recorded = await db.Ratifications.AsNoTracking().Where(r => r.Status != RatificationStatus.None)
            .Select(r => new { r.StateCode, r.InstrumentCode, r.Status }).ToListAsync(cancellationToken);
        var party = recorded.Where(r => Ratification.IsParty(r.Status)).ToList();
        var instruments = Reference.Instruments.Values.OrderBy(i => i.Number).Select(i => new InstrumentStanding(
            i.Code, i.ShortName,
            party.Count(r => r.InstrumentCode == i.Code),
            recorded.Count(r => r.InstrumentCode == i.Code && r.Status == RatificationStatus.Signed))).ToList();
        var partyToAll = party.GroupBy(r => r.StateCode).Where(g => g.Count() == Reference.Instruments.Count)
            .Select(g => g.Key).Order().ToList();
        return TypedResults.Ok(new GlobalRatifications(Reference.MemberStates.Count, instruments, partyToAll));
    }
}

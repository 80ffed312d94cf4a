using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ReferenceData;

namespace Programmes.ServiceDefaults;

/// <summary>A CTED referral's body as either route receives it (coordination's or intake's): every field may be missing.</summary>
public interface ICtedReferralBody
{
    string? StateCode { get; }
    List<string>? ThematicAreas { get; }
    List<string>? Instruments { get; }
    string? Recommendation { get; }
    string? AssessmentReference { get; }
    DateOnly? AssessmentDate { get; }
    bool? StateConsented { get; }
}

/// <summary>A CTED referral once valid: nothing required is missing.</summary>
public sealed record CtedReferralTerms(string StateCode, List<string> ThematicAreas, List<string> Instruments, string Recommendation,
    string AssessmentReference, DateOnly AssessmentDate, bool StateConsented)
{
    /// <summary>
    /// The one check for both routes; they differ only in the limits their columns allow. The placeholders for
    /// missing values never leave <see cref="Validation.Yields"/>.
    /// </summary>
    public static bool TryRead(ICtedReferralBody body, DateOnly today, int maxReference, int maxInstruments,
        [NotNullWhen(true)] out CtedReferralTerms? terms, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        v.MemberState(body.StateCode, "stateCode");
        v.Codes(body.ThematicAreas, "thematicAreas", Reference.IsThematicArea, "thematic area");
        v.Codes(body.Instruments, "instruments", Reference.IsInstrument, "instrument", allowEmpty: true, max: maxInstruments);
        var recommendation = v.Text(body.Recommendation, "recommendation", 8000);
        var reference = v.Text(body.AssessmentReference, "assessmentReference", maxReference);
        var date = v.Present(body.AssessmentDate, "assessmentDate");
        if (body.AssessmentDate is not null)
        {
            v.Check(date <= today, "assessmentDate", "must not be in the future.");
        }
        var consented = v.StateConsented(body.StateConsented);
        return v.Yields(new CtedReferralTerms(body.StateCode ?? "", body.ThematicAreas ?? [], body.Instruments ?? [], recommendation, reference, date, consented),
            out terms, out problem);
    }
}

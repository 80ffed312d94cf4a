namespace Programmes.ServiceDefaults;

/// <summary>
/// The one consent rule for CTED referrals, whichever route creates them (coordination's
/// <c>/api/coordination/referrals</c> or intake's <c>/api/intake/referrals</c>). CTED must say whether the State
/// consented to sharing: a referral that does not say is refused, never assumed either way. Without consent the
/// referral is staff-only everywhere: it is not shared with intake, and a referral intake holds is neither shown
/// to the State nor open to its endorsement: ECOSOC resolution 2017/17 asks for assistance to Member States upon
/// their request, so a referral becomes a request only when the State endorses it (docs/api-intake.md).
/// </summary>
public static class ReferralConsent
{
    public const string Field = "stateConsented";

    /// <summary>Reads the flag, reporting a missing one under <see cref="Field"/>; false when missing.</summary>
    public static bool StateConsented(this Validation validation, bool? stateConsented)
    {
        validation.Check(stateConsented is not null, Field, "is required: say whether the State consented to sharing.");
        return stateConsented == true;
    }

    /// <summary>Whether the State may see the referral and be asked to endorse it.</summary>
    public static bool ReachesState(bool stateConsented) => stateConsented;
}

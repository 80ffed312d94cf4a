using Programmes.ServiceDefaults;

namespace Programmes.PartnerCoordination.ManagingPartners;

/// <summary>Object-level rules: staff see everything, a partner only its own things.</summary>
public static class PartnerAccess
{
    public static bool CanActFor(this Caller caller, string partnerCode) =>
        caller.IsStaff || caller.Is(Roles.Partner, partnerCode);
}

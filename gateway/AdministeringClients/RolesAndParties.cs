using System.Net.Http.Headers;
using Programmes.Gateway.Clients;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;

namespace Programmes.Gateway.AdministeringClients;

/// <summary>
/// The one rule for the role and party of anyone who calls the API, a client or a person: a known role; staff and
/// operations act for themselves; a State is a Member State, a partner a known partner code, a donor a donor
/// registered in funding.
/// </summary>
internal static class RolesAndParties
{
    /// <summary>Checks <paramref name="role"/> and <paramref name="party"/>; returns the party the caller will act for.</summary>
    public static string? Check(Validation validation, string? role, string? party)
    {
        if (validation.Required(role, "role", 20))
        {
            validation.Check(ClientRegistry.IsKnownRole(role), "role", $"must be one of {string.Join(", ", Roles.All)}.");
        }
        party = role is Roles.Staff or Roles.Operations ? party ?? role : party;
        if (validation.Required(party, "party", 64))
        {
            switch (role)
            {
                case Roles.State:
                    validation.MemberState(party, "party");
                    break;
                case Roles.Partner:
                    validation.Check(Reference.IsPartner(party), "party", $"'{party}' is not a known partner code.");
                    break;
            }
        }
        return party;
    }

    /// <summary>Asked last and only when all else is valid: the one check that costs a call to funding.</summary>
    public static async Task CheckDonorAsync(Validation validation, string? role, string? party, HttpRequest request,
        DonorDirectory donors, CancellationToken cancellationToken)
    {
        if (validation.IsValid && role == Roles.Donor
            && !(AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var token)
                && await donors.IsVoluntaryDonorAsync(party!, token, cancellationToken)))
        {
            validation.Add("party", $"'{party}' is not the code of a donor registered in funding (register the donor first).");
        }
    }
}

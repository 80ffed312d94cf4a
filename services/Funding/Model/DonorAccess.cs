using Microsoft.EntityFrameworkCore;
using Programmes.Funding.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.Model;

/// <summary>
/// A donor client acts only for the donor record whose code is its party; staff act for any donor.
/// Anything else reads as "not found", so a donor cannot probe for another's records.
/// </summary>
public static class DonorAccess
{
    public static bool MayActFor(this Caller caller, Donor donor) =>
        caller.IsStaff || (caller.IsDonor && donor.IsVoluntary && string.Equals(caller.Party, donor.Code, StringComparison.Ordinal));

    /// <summary>Staff record for a donor they name: without the id the command is incomplete (400), not about a missing donor (404).</summary>
    public static void DonorNamedByStaff(this Validation validation, Caller caller, Guid? donorId) =>
        validation.Check(donorId is not null || !caller.IsStaff, "donorId", "is required when staff record a contribution.");

    /// <summary>The donor a command is for: the caller's own record, or for staff the one named.</summary>
    public static async Task<Donor?> DonorForAsync(this FundingDb db, Caller caller, Guid? donorId, CancellationToken cancellationToken)
    {
        if (caller.IsDonor)
        {
            var own = await db.Donors.SingleOrDefaultAsync(d => d.Code == caller.Party, cancellationToken);
            return own is not null && (donorId is null || donorId == own.Id) ? own : null;
        }
        return caller.IsStaff && donorId is { } id ? await db.Donors.FindAsync([id], cancellationToken) : null;
    }
}

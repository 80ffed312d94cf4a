using System.Security.Claims;

namespace Programmes.ServiceDefaults;

/// <summary>The kinds of client the gateway issues tokens to.</summary>
public static class Roles
{
    public const string State = "state";
    public const string Partner = "partner";
    public const string Donor = "donor";
    public const string Staff = "staff";
    public const string Operations = "operations";

    public static readonly IReadOnlyList<string> All = [State, Partner, Donor, Staff, Operations];
}

/// <summary>Claim types in the access tokens the gateway issues.</summary>
public static class ProgrammesClaims
{
    public const string Role = "role";
    public const string ClientId = "client_id";

    /// <summary>Whom the client acts for: a State's ISO alpha-3 code, a partner code or a donor id.</summary>
    public const string Party = "party";

    /// <summary>The audience every service accepts.</summary>
    public const string Audience = "programmes-api";
}

/// <summary>The authenticated client behind a call, as a service sees it after validating the token.</summary>
public sealed record Caller(string ClientId, string Role, string Party)
{
    public bool IsStaff => Role == Roles.Staff;
    public bool IsState => Role == Roles.State;
    public bool IsPartner => Role == Roles.Partner;
    public bool IsDonor => Role == Roles.Donor;

    /// <summary>True when the caller is the given State, partner or donor.</summary>
    public bool Is(string role, string party) => Role == role && string.Equals(Party, party, StringComparison.Ordinal);
}

public static class CallerExtensions
{
    public static Caller GetCaller(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ProgrammesClaims.ClientId) ?? user.FindFirstValue("sub") ?? "",
        user.FindFirstValue(ProgrammesClaims.Role) ?? "",
        user.FindFirstValue(ProgrammesClaims.Party) ?? "");
}

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
    /// <summary>The OAuth client the token was issued to: an API client, or the console for a person.</summary>
    public const string ClientId = "client_id";

    /// <summary>Who calls: an API client's id (equal to its <c>client_id</c>), or the name of a person signed in through the console.</summary>
    public const string Subject = "sub";

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
        user.FindFirstValue(ProgrammesClaims.Subject) ?? user.FindFirstValue(ProgrammesClaims.ClientId) ?? "",
        user.FindFirstValue(ProgrammesClaims.Role) ?? "",
        user.FindFirstValue(ProgrammesClaims.Party) ?? "");
}

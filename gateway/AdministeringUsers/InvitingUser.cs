using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Programmes.Gateway.AdministeringClients;
using Programmes.Gateway.People;
using Programmes.Gateway.People.Pages;
using Programmes.Gateway.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.Gateway.AdministeringUsers;

public sealed record InviteUser(string? UserName, string? Role, [property: NotRequired] string? Party,
    [property: NotRequired] string? DisplayName, [property: NotRequired] string? Email);

/// <summary>What inviting returns: the one-time link to give the person (shown only here), and when it expires.</summary>
public sealed record InvitedUser(UserView User, string InvitationUrl, DateTimeOffset ExpiresAt);

/// <summary>
/// Invites a person: an account with a role and party (checked as a client's are) that cannot sign in until the
/// person sets a password through the one-time link, which expires after <c>People:InvitationLifetime</c> (72 h).
/// </summary>
internal static class InvitingUser
{
    public static void MapInvitingUser(this RouteGroupBuilder users) => users.MapPost("", Handle)
        .WithSummary("Invite a person; returns the one-time invitation link.");

    private static async Task<Results<Created<InvitedUser>, ValidationProblem, ProblemHttpResult>> Handle(InviteUser body,
        HttpRequest request, UserManager<GatewayUser> users, DonorDirectory donors, GatewayDb db, IConfiguration configuration,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (validation.Required(body.UserName, "userName", 64))
        {
            validation.Check(Sessions.IsUserName(body.UserName), "userName",
                "must be lower-case letters, digits and hyphens in two or more parts joined by dots, e.g. 'amina.diallo'.");
        }
        var party = RolesAndParties.Check(validation, body.Role, body.Party);
        validation.Optional(body.DisplayName, "displayName", 200);
        if (body.Email is not null && validation.Optional(body.Email, "email", 254))
        {
            validation.Check(body.Email!.Contains('@', StringComparison.Ordinal), "email", "must be an e-mail address.");
        }
        await RolesAndParties.CheckDonorAsync(validation, body.Role, party, request, donors, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }
        if (await users.FindByNameAsync(body.UserName!) is not null)
        {
            return Problem.Conflict($"A person '{body.UserName}' already exists.");
        }

        var token = ClientAdministration.NewSecret();
        var expiresAt = clock.GetUtcNow() + configuration.GetValue("People:InvitationLifetime", TimeSpan.FromHours(72));
        var user = new GatewayUser
        {
            UserName = body.UserName,
            Email = body.Email,
            DisplayName = body.DisplayName,
            Role = body.Role!,
            Party = party!,
            Status = UserStatus.Invited,
            InvitationHash = AcceptingInvitation.Hash(token),
            InvitationExpiresAt = expiresAt,
        };
        db.Audit("Invited", user, new { role = user.Role, party = user.Party, expiresAt });
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return Problem.Conflict(string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        var url = new Uri(new Uri(configuration["Auth:Authority"]!), $"{AccountPaths.Invitation.TrimStart('/')}?token={token}");
        return TypedResults.Created($"{UserAdministration.Prefix}/{user.UserName}",
            new InvitedUser(UserView.Of(user, clock.GetUtcNow()), url.ToString(), expiresAt));
    }
}

using System.Security.Claims;
using CsCheck;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Programmes.Gateway.Clients;
using Programmes.Gateway.People;
using Programmes.Gateway.People.Pages;
using Programmes.ServiceDefaults;
using Xunit;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Programmes.Gateway.Tests.SigningIn;

/// <summary>The rules behind signing in, for every input: the password rule, and a person's claims being a client's.</summary>
[Collection(WholeSystemCollection.Name)]
public sealed class PasswordAndClaimRulesTests(WholeSystem system)
{
    [Fact]
    public async Task Identity_accepts_exactly_the_passwords_of_12_characters_or_more()
    {
        await using var scope = system.Gateway.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GatewayUser>>();
        var user = new GatewayUser { UserName = "any.one" };
        var passwords = Gen.OneOf(Gen.String[Gen.Char, 0, 30], Gen.String[Gen.Char.AlphaNumeric, 10, 14], Gen.String[Gen.Char['a', 'a'], 0, 20]);
        await passwords.SampleAsync(async password =>
        {
            var results = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, user, password)));
            return results.All(r => r.Succeeded) == PasswordRule.IsAcceptable(password)
                && PasswordRule.IsAcceptable(password) == (password.Length >= 12);
        });
    }

    [Fact]
    public void A_persons_access_token_claims_are_those_of_a_client_with_the_same_role_and_party()
    {
        var roles = Gen.Int[0, Roles.All.Count - 1].Select(i => Roles.All.ElementAt(i));
        var parties = Gen.String[Gen.Char.AlphaNumeric, 1, 12];
        var names = Gen.Select(Gen.String[Gen.Char['a', 'z'], 1, 8], Gen.String[Gen.Char['a', 'z'], 1, 8], (a, b) => $"{a}.{b}");
        Gen.Select(roles, parties, names).Sample((role, party, name) =>
        {
            var person = PersonTokens.IdentityOf(new GatewayUser { UserName = name, Role = role, Party = party, DisplayName = "Someone" },
                "console", [Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess]);
            var client = CallerClaims.For("a-client", "a-client", role, party);
            return AccessTokenClaims(person).SequenceEqual(AccessTokenClaims(client))
                && person.GetClaim(Claims.Subject) == name && Sessions.IsUserName(name);
        });
    }

    [Fact]
    public void Every_page_text_has_all_six_languages()
    {
        Assert.All(Texts.All, text =>
        {
            Assert.Equal(Texts.Languages.Length, text.Value.Length);
            Assert.All(text.Value, translation => Assert.False(string.IsNullOrWhiteSpace(translation), text.Key));
        });
    }

    /// <summary>What a token says the caller may do: every claim but who calls, through which client, and the scopes asked.</summary>
    private static IEnumerable<(string Type, string Value, bool InAccessToken)> AccessTokenClaims(ClaimsIdentity identity) => identity.Claims
        .Where(c => c.Type is not (Claims.Subject or Claims.ClientId or Claims.Name or Claims.Private.Scope))
        .Select(c => (c.Type, c.Value, c.GetDestinations().Contains(Destinations.AccessToken))).Order();
}

using System.Security.Claims;
using Programmes.Gateway.Clients;
using Programmes.ServiceDefaults;

namespace Programmes.Testing;

/// <summary>The clients every test system seeds: one or two per role.</summary>
public static class TestClients
{
    public static readonly DemoClient StateKenya = new("test-state-ken", "state-ken-secret", Roles.State, "KEN", "Kenya");
    public static readonly DemoClient StateNiger = new("test-state-ner", "state-ner-secret", Roles.State, "NER", "Niger");
    public static readonly DemoClient Cted = new("test-cted", "cted-secret", Roles.Partner, "CTED", "CTED");
    public static readonly DemoClient Interpol = new("test-interpol", "interpol-secret", Roles.Partner, "INTERPOL", "INTERPOL");
    public static readonly DemoClient DonorNorway = new("test-donor-nor", "donor-nor-secret", Roles.Donor, "DONOR-NOR", "Norway");
    public static readonly DemoClient DonorJapan = new("test-donor-jpn", "donor-jpn-secret", Roles.Donor, "DONOR-JPN", "Japan");
    public static readonly DemoClient Staff = new("test-staff", "staff-secret", Roles.Staff, "staff", "Programme officer");
    public static readonly DemoClient Operations = new("test-operations", "operations-secret", Roles.Operations, "operations", "Operations");

    public static readonly IReadOnlyList<DemoClient> All = [StateKenya, StateNiger, Cted, Interpol, DonorNorway, DonorJapan, Staff, Operations];

    /// <summary>The principal a handler sees for this client's token (its party is its subject), to call a handler without HTTP.</summary>
    public static ClaimsPrincipal Principal(this DemoClient client) => new(new ClaimsIdentity(
    [
        new Claim(ProgrammesClaims.ClientId, client.ClientId),
        new Claim(ProgrammesClaims.Role, client.Role),
        new Claim(ProgrammesClaims.Party, client.Subject),
    ], "handler-call"));
}

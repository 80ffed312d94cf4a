using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Programmes.Auditing;
using Programmes.ServiceDefaults;
using Xunit;

namespace Programmes.UnitTests.Auditing;

/// <summary>
/// What the shared audit rules record for one change, without a database: the meaningful values before and after
/// (and nothing else), amounts with their currency exactly as held, who may read the entry, the actor and the action.
/// </summary>
public sealed class AuditRulesTests
{
    private static readonly AuditActor Finance = new("test-staff", Roles.Staff, "staff");
    private static readonly DateTimeOffset At = new(2026, 11, 29, 17, 0, 0, TimeSpan.Zero);

    private static readonly AuditRules<NoDb> Rules = new AuditRules<NoDb> { ServiceName = "test" }
        .Track<Grant>("grant", g => g.Id, g => [AuditReaders.Donor(g.Owner)], nameof(Grant.Amount), nameof(Grant.Currency), nameof(Grant.Status));

    private static readonly string[] Owners = ["DONOR-NOR", "DONOR-JPN", "DONOR-EU"];
    private static readonly string[] Currencies = ["USD", "EUR", "JPY", "KWD"];

    /// <summary>
    /// Amounts in minor units at 0 to 3 decimals, the scale kept as given (1.00 is not 1.0: the JSON keeps the scale),
    /// a currency, a status, an untracked note and an owner; small ranges, so that two grants often share values.
    /// </summary>
    private static readonly Gen<Grant> Grants = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, Currencies.Length - 1],
        Gen.Int[0, 1].Select(i => i == 0 ? "Open" : "Closed"), Gen.Int[0, 2].Select(i => new[] { "", "a note", "another" }[i]), Gen.Int[0, Owners.Length - 1],
        (minor, scale, currency, status, note, owner) => new Grant
        {
            Id = Guid.Empty,
            Amount = new decimal(minor * 50, 0, 0, false, (byte)scale),
            Currency = Currencies[currency],
            Status = status,
            Note = note,
            Owner = Owners[owner],
        });

    [Fact]
    public void A_creation_records_the_tracked_values_after_and_nothing_before()
    {
        var grant = new Grant { Id = Guid.NewGuid(), Amount = 1_000.50m, Currency = "EUR", Status = "Open", Note = "not audited", Owner = "DONOR-NOR" };

        var entry = Entry(grant, EntityState.Added, grant, grant)!;

        Assert.Null(entry.Before);
        Assert.Equal("""{"amount":1000.50,"currency":"EUR","status":"Open"}""", entry.After);
        Assert.Equal(("grant", grant.Id.ToString()), (entry.ObjectType, entry.ObjectId));
        Assert.Equal((Finance.ClientId, Finance.Role, Finance.Party), (entry.ActorClientId, entry.ActorRole, entry.ActorParty));
        Assert.Equal(("RecordingGrant", At), (entry.Action, entry.At));
        Assert.Equal(new[] { "donor:DONOR-NOR" }, entry.Readers);
    }

    [Fact]
    public void A_removal_records_the_values_before_and_nothing_after_and_an_untracked_type_records_nothing()
    {
        var grant = new Grant { Id = Guid.NewGuid(), Amount = 7m, Currency = "JPY", Status = "Closed", Note = "", Owner = "DONOR-JPN" };

        var entry = Entry(grant, EntityState.Deleted, grant, grant)!;

        Assert.Equal("""{"amount":7,"currency":"JPY","status":"Closed"}""", entry.Before);
        Assert.Null(entry.After);
        Assert.Null(Rules.EntryFor("not an entity", EntityState.Added, _ => null, _ => null, null, Finance, "X", At));
        Assert.Null(Entry(grant, EntityState.Unchanged, grant, grant));
    }

    [Fact]
    public void A_change_is_an_entry_exactly_when_a_tracked_value_changed_and_the_entry_holds_both_sides()
    {
        Gen.Select(Grants, Grants).Sample((before, after) =>
        {
            var entry = Entry(after, EntityState.Modified, before, after);

            var trackedChanged = before.Amount != after.Amount || before.Amount.Scale != after.Amount.Scale
                || before.Currency != after.Currency || before.Status != after.Status;
            Assert.Equal(trackedChanged, entry is not null);
            if (entry is not null)
            {
                AssertValues(before, entry.Before!);
                AssertValues(after, entry.After!);
            }
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void Staff_read_every_entry_and_a_donor_only_the_entries_on_its_own_objects()
    {
        Gen.Select(Grants, Gen.Int[0, Owners.Length - 1]).Sample((grant, reader) =>
        {
            var entry = Entry(grant, EntityState.Added, grant, grant)!;
            var donor = new Caller($"client-{reader}", Roles.Donor, Owners[reader]);

            Assert.True(AuditReaders.MayRead(new Caller("any-staff", Roles.Staff, "staff"), entry.Readers));
            Assert.Equal(Owners[reader] == grant.Owner, AuditReaders.MayRead(donor, entry.Readers));
            Assert.All(entry.Readers, r => Assert.True(r == AuditReaders.Donor(grant.Owner), $"{r} reads {grant.Owner}'s grant"));
            Assert.False(AuditReaders.MayRead(new Caller("a-state", Roles.State, grant.Owner), entry.Readers), "a State with the donor's code");
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void An_actor_is_the_callers_client_role_and_party_or_the_service_itself()
    {
        Assert.Equal(new AuditActor("test-donor-nor", "donor", "DONOR-NOR"), AuditActor.Of(new Caller("test-donor-nor", "donor", "DONOR-NOR")));
        Assert.Equal(new AuditActor("funding", AuditActor.ServiceRole, "funding"), AuditActor.Service("funding"));
        Assert.Equal("service", AuditActor.ServiceRole);
        Assert.Equal("partner:CTED", AuditReaders.Of(Roles.Partner, "CTED"));
        Assert.Equal(AuditReaders.Of(Roles.State, "KEN"), AuditReaders.State("KEN"));
    }

    [Fact]
    public void An_action_is_the_endpoints_name_else_its_use_case_else_its_method_and_route()
    {
        var handle = typeof(ReceivingPaymentEndpoint).GetMethod(nameof(ReceivingPaymentEndpoint.Handle))!;
        var register = typeof(MaintainingCentralAuthoritiesEndpoints).GetMethod(nameof(MaintainingCentralAuthoritiesEndpoints.Register))!;
        var lambda = new Func<int>(() => 1).Method;

        Assert.Equal("AcceptRequest", AuditActor.ActionOf([handle, new EndpointNameMetadata("AcceptRequest")], "POST", "/x"));
        Assert.Equal("ReceivingPayment", AuditActor.ActionOf([handle], "POST", "/api/funding/pledges/{pledgeId}/payments"));
        Assert.Equal("MaintainingCentralAuthorities.Register", AuditActor.ActionOf([register], "POST", "/x"));
        Assert.Equal("ReviewProgramme", AuditActor.ActionOf([typeof(ReviewProgramme).GetMethod(nameof(ReviewProgramme.HandleAsync))!], "POST", "/x"));
        Assert.Equal("POST /api/things", AuditActor.ActionOf([lambda], "POST", "/api/things"));
        Assert.Equal("DELETE /api/things/{id}", AuditActor.ActionOf([], "DELETE", "/api/things/{id}"));
    }

    private static AuditEntry? Entry(Grant entity, EntityState state, Grant before, Grant after) =>
        Rules.EntryFor(entity, state, name => Value(before, name), name => Value(after, name), null, Finance, "RecordingGrant", At);

    private static object? Value(Grant grant, string property) => typeof(Grant).GetProperty(property)!.GetValue(grant);

    /// <summary>The JSON holds the tracked values, the amount at its own scale, and never the untracked note or owner.</summary>
    private static void AssertValues(Grant grant, string json)
    {
        var values = JsonDocument.Parse(json).RootElement;
        Assert.Equal(new[] { "amount", "currency", "status" }, values.EnumerateObject().Select(p => p.Name));
        Assert.Equal(grant.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), values.GetProperty("amount").GetRawText());
        Assert.Equal(grant.Currency, values.GetProperty("currency").GetString());
        Assert.Equal(grant.Status, values.GetProperty("status").GetString());
    }

    public sealed class Grant
    {
        public Guid Id { get; init; }
        public decimal Amount { get; init; }
        public required string Currency { get; init; }
        public required string Status { get; init; }
        public required string Note { get; init; }
        public required string Owner { get; init; }
    }

    /// <summary>The rules' context type; never created, as these rules' readers need none.</summary>
    public sealed class NoDb : DbContext;

    private static class ReceivingPaymentEndpoint
    {
        public static void Handle()
        {
        }
    }

    private static class MaintainingCentralAuthoritiesEndpoints
    {
        public static void Register()
        {
        }
    }

    private static class ReviewProgramme
    {
        public static Task HandleAsync() => Task.CompletedTask;
    }
}

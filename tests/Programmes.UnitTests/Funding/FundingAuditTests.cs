using System.Text.Json;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Programmes.Auditing;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.ServiceDefaults;
using Xunit;

namespace Programmes.UnitTests.Funding;

/// <summary>
/// Funding's own audit rules (<see cref="FundingAudit"/>), without a database: the context below is never connected;
/// a contribution's readers come from the donor the command loaded, as in the service.
/// </summary>
public sealed class FundingAuditTests : IDisposable
{
    private static readonly AuditActor Finance = new("test-staff", Roles.Staff, "staff");
    private static readonly DateTimeOffset At = new(2026, 11, 29, 17, 0, 0, TimeSpan.Zero);
    private static readonly string[] Codes = ["DONOR-NOR", "DONOR-JPN", "DONOR-EU", "REGULAR-BUDGET"];

    private readonly AuditRules<FundingDb> _rules = new() { ServiceName = "funding" };
    private readonly FundingDb _db = new(new DbContextOptionsBuilder<FundingDb>().UseNpgsql("Host=never-connected").Options);
    private readonly Donor[] _donors;

    public FundingAuditTests()
    {
        FundingAudit.Track(_rules);
        _donors = [.. Codes.Select((code, i) => new Donor { Id = new Guid(i + 1, 0, 0, new byte[8]), Code = code, Name = code, AgreementReferences = [] })];
        _db.Donors.AttachRange(_donors);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_payment_is_recorded_with_its_exact_amount_and_currency_and_read_by_its_donor()
    {
        var payment = new Payment
        {
            Id = Guid.NewGuid(),
            PledgeId = Guid.NewGuid(),
            DonorId = _donors[0].Id,
            Amount = 1_000.500m,
            Currency = "KWD",
            AmountUsd = 3_250.12m,
            ValueDate = new DateOnly(2026, 2, 1),
            BankReference = "BANK-1",
            AllocatedUsd = 99m,
        };

        var entry = Entry(payment, EntityState.Added, payment)!;

        Assert.Equal(("payment", payment.Id.ToString(), "ReceivingPayment"), (entry.ObjectType, entry.ObjectId, entry.Action));
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal("1000.500", after.GetProperty("amount").GetRawText());
        Assert.Equal("KWD", after.GetProperty("currency").GetString());
        Assert.Equal("3250.12", after.GetProperty("amountUsd").GetRawText());
        Assert.False(after.TryGetProperty("allocatedUsd", out _), "what allocation draws is the allocation's entry, not the payment's");
        Assert.Equal(new[] { "donor:DONOR-NOR" }, entry.Readers);
    }

    [Fact]
    public void A_release_is_an_entry_with_the_released_amount_before_and_after_and_a_rate_is_read_by_staff_only()
    {
        var allocation = new Allocation { Id = Guid.NewGuid(), ProgrammeId = Guid.NewGuid(), DonorId = _donors[1].Id, AmountUsd = 20_000m, SupportCostUsd = 2_600m };
        var released = new Allocation
        {
            Id = allocation.Id,
            ProgrammeId = allocation.ProgrammeId,
            DonorId = allocation.DonorId,
            AmountUsd = 10_000m,
            SupportCostUsd = 1_300m,
            ReleasedUsd = 10_000m,
        };
        var rate = new ExchangeRate { Currency = "EUR", Month = new DateOnly(2026, 1, 1), UnitsPerUsd = 0.9234m };

        var entry = _rules.EntryFor(released, EntityState.Modified, name => Value(allocation, name), name => Value(released, name), _db, Finance, "ProgrammeBudgeted", At)!;
        var rateEntry = Entry(rate, EntityState.Added, rate)!;

        Assert.Equal("0", JsonDocument.Parse(entry.Before!).RootElement.GetProperty("releasedUsd").GetRawText());
        Assert.Equal("10000", JsonDocument.Parse(entry.After!).RootElement.GetProperty("releasedUsd").GetRawText());
        Assert.Equal(new[] { "donor:DONOR-JPN" }, entry.Readers);
        Assert.Equal(("exchange-rate", "EUR/2026-01"), (rateEntry.ObjectType, rateEntry.ObjectId));
        Assert.Empty(rateEntry.Readers);
        Assert.All(Codes, code => Assert.False(AuditReaders.MayRead(new Caller(code, Roles.Donor, code), rateEntry.Readers)));
    }

    [Fact]
    public void Every_contribution_is_read_by_its_own_donor_and_staff_and_never_by_another_donor()
    {
        var contributions = Gen.Select(Gen.Int[0, 3], Gen.Int[0, Codes.Length - 1], Gen.Long[1, 10_000_000_00], (kind, donor, cents) =>
        {
            var donorId = _donors[donor].Id;
            var amount = cents / 100m;
            object contribution = kind switch
            {
                0 => new Pledge { Id = Guid.NewGuid(), DonorId = donorId, Amount = amount, Currency = "EUR", AgreementReference = "AGR" },
                1 => new Payment { Id = Guid.NewGuid(), DonorId = donorId, Amount = amount, Currency = "EUR", BankReference = "B" },
                2 => new InKindContribution { Id = Guid.NewGuid(), DonorId = donorId, EstimatedValue = amount, Currency = "EUR", Description = "D" },
                _ => new Allocation { Id = Guid.NewGuid(), DonorId = donorId, AmountUsd = amount },
            };
            return (Contribution: contribution, Owner: Codes[donor]);
        });
        Gen.Select(contributions, Gen.Int[0, Codes.Length - 1]).Sample((c, reader) =>
        {
            var entry = Entry(c.Contribution, EntityState.Added, c.Contribution)!;

            Assert.Equal(new[] { AuditReaders.Donor(c.Owner) }, entry.Readers);
            Assert.True(AuditReaders.MayRead(new Caller("test-staff", Roles.Staff, "staff"), entry.Readers));
            Assert.Equal(Codes[reader] == c.Owner, AuditReaders.MayRead(new Caller($"client-{reader}", Roles.Donor, Codes[reader]), entry.Readers));
        }, iter: Properties.Iterations);
    }

    private AuditEntry? Entry(object entity, EntityState state, object values) =>
        _rules.EntryFor(entity, state, name => Value(values, name), name => Value(values, name), _db, Finance, "ReceivingPayment", At);

    private static object? Value(object entity, string property) => entity.GetType().GetProperty(property)!.GetValue(entity);
}

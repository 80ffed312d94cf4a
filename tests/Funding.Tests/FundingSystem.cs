using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;

namespace Programmes.Funding.Tests;

/// <summary>The gateway and the funding service on a fresh database; one per test class.</summary>
public sealed class FundingSystem : TestSystem
{
    public FundingSystem() : base(Services.Funding)
    {
    }

    /// <summary>Registers the donor (or finds it again: the fixed Idempotency-Key replays the first answer) and returns its id.</summary>
    public async Task<Guid> DonorAsync(string code, string name = "A donor")
    {
        using var staff = await ClientAsync(TestClients.Staff);
        var donor = await staff.PostWithKeyAsync("/api/funding/donors", new { code, name, kind = "MemberState", stateCode = code[^3..] }, $"register-{code}")
            .ShouldBeJson(HttpStatusCode.Created);
        return donor.Id();
    }

    public async Task PublishBudgetAsync(Guid programmeId, decimal budgetUsd, DateTimeOffset budgetedAt, string[]? states = null, string[]? areas = null) =>
        await PublishAsync(new ProgrammeBudgeted(
            programmeId, states ?? ["KEN"], areas ?? ["BORDER-MANAGEMENT"], [], budgetUsd, budgetedAt));
}

public static class FundingClient
{
    public static async Task<JsonElement> PledgeAsync(this HttpClient http, decimal amount, string currency, string pledgeDate,
        string earmarking = "Unearmarked", string? earmarkedTo = null, Guid? donorId = null) =>
        await http.PostWithKeyAsync("/api/funding/pledges", new
        {
            donorId,
            amount,
            currency,
            pledgeDate,
            agreementReference = "AGR-2026-01",
            earmarking,
            earmarkedTo,
        }).ShouldBeJson(HttpStatusCode.Created);

    public static async Task<JsonElement> PayAsync(this HttpClient http, Guid pledgeId, decimal amount, string currency, string valueDate) =>
        await http.PostWithKeyAsync($"/api/funding/pledges/{pledgeId}/payments", new { amount, currency, valueDate, bankReference = $"BANK-{Guid.NewGuid():N}"[..20] })
            .ShouldBeJson(HttpStatusCode.Created);

    /// <summary>A pledge paid in full on its pledge date; returns the payment's id.</summary>
    public static async Task<Guid> PaidPledgeAsync(this HttpClient http, decimal amount, string valueDate, string earmarking = "Unearmarked",
        string? earmarkedTo = null, Guid? donorId = null, string currency = "USD")
    {
        var pledge = await http.PledgeAsync(amount, currency, valueDate, earmarking, earmarkedTo, donorId);
        return (await http.PayAsync(pledge.Id(), amount, currency, valueDate)).Id();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static decimal Decimal(this JsonElement element, string property) => element.GetProperty(property).GetDecimal();
}

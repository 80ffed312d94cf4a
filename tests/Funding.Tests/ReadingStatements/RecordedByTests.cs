using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Gateway.Clients;
using Programmes.Testing;
using Xunit;

namespace Programmes.Funding.Tests.ReadingStatements;

/// <summary>A donor's statement shows, for each line, who recorded it and when, from the audit trail.</summary>
public sealed class RecordedByTests(FundingSystem system) : IClassFixture<FundingSystem>
{
    [Fact]
    public async Task Each_line_of_a_statement_names_who_recorded_it_and_when_and_who_last_changed_it()
    {
        var norwayId = await system.DonorAsync("DONOR-NOR", "Norway");
        var japanId = await system.DonorAsync("DONOR-JPN", "Japan");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);
        using var japan = await system.ClientAsync(TestClients.DonorJapan);
        using var staff = await system.ClientAsync(TestClients.Staff);
        var programme = Guid.NewGuid();

        var pledgeWindow = Window.Open();
        var pledge = (await norway.PledgeAsync(22_600m, "USD", "2026-01-10", "Programme", programme.ToString())).Id();
        pledgeWindow.Close();
        var paymentWindow = Window.Open();
        var payment = (await staff.PayAsync(pledge, 22_600m, "USD", "2026-01-12")).Id();
        paymentWindow.Close();
        var inKindWindow = Window.Open();
        var inKind = (await norway.PostWithKeyAsync("/api/funding/in-kind", new
        {
            kind = "Goods",
            description = "Two document scanners for the border post",
            estimatedValue = 4_000m,
            currency = "USD",
            contributionDate = "2026-01-15",
            thematicArea = "BORDER-MANAGEMENT",
        }).ShouldBeJson(HttpStatusCode.Created)).Id();
        inKindWindow.Close();
        var japanPledge = (await japan.PledgeAsync(5_000m, "USD", "2026-01-10")).Id();

        await system.PublishBudgetAsync(programme, 20_000m, DateTimeOffset.UtcNow);
        await StatementWhenAsync(norway, norwayId, s => s.GetProperty("lines").GetProperty("allocations").GetArrayLength() == 1, "20,000 allocated");
        await system.PublishBudgetAsync(programme, 10_000m, DateTimeOffset.UtcNow);
        var statement = await StatementWhenAsync(norway, norwayId,
            s => s.GetProperty("usd").Decimal("allocated") == 10_000m, "10,000 released");

        var lines = statement.GetProperty("lines");
        var pledgeLine = Assert.Single(lines.GetProperty("pledges").EnumerateArray());
        Assert.Equal(pledge, pledgeLine.Id());
        AssertStamp(pledgeLine.GetProperty("recorded"), TestClients.DonorNorway, pledgeWindow, "RecordingPledge");
        var paymentLine = Assert.Single(lines.GetProperty("payments").EnumerateArray());
        Assert.Equal(payment, paymentLine.Id());
        Assert.Equal(22_600m, paymentLine.Decimal("amount"));
        AssertStamp(paymentLine.GetProperty("recorded"), TestClients.Staff, paymentWindow, "ReceivingPayment");
        var inKindLine = Assert.Single(lines.GetProperty("inKind").EnumerateArray());
        Assert.Equal(inKind, inKindLine.Id());
        AssertStamp(inKindLine.GetProperty("recorded"), TestClients.DonorNorway, inKindWindow, "RecordingInKind");

        // The allocation was made by funding on hearing the budget, and changed again when the budget fell.
        var allocation = Assert.Single(lines.GetProperty("allocations").EnumerateArray());
        Assert.Equal(payment, allocation.GetProperty("paymentId").GetGuid());
        Assert.Equal(10_000.00m, allocation.Decimal("releasedUsd"));
        var allocated = allocation.GetProperty("recorded");
        var released = allocation.GetProperty("lastChanged");
        Assert.Equal("service", allocated.GetProperty("role").GetString());
        Assert.Equal("ProgrammeBudgeted", allocated.GetProperty("action").GetString());
        Assert.Equal("service", released.GetProperty("role").GetString());
        Assert.True(released.GetProperty("at").GetDateTimeOffset() > allocated.GetProperty("at").GetDateTimeOffset(), "the release is later than the allocation");
        Assert.True(allocated.GetProperty("at").GetDateTimeOffset() > inKindWindow.From);

        // A donor's statement is its own: Japan's lists only Japan's pledge, and Norway's is not found for Japan.
        var japans = await japan.GetFromJsonAsync<JsonElement>($"/api/funding/donors/{japanId}/statement");
        Assert.Equal(japanPledge, Assert.Single(japans.GetProperty("lines").GetProperty("pledges").EnumerateArray()).Id());
        Assert.Empty(japans.GetProperty("lines").GetProperty("payments").EnumerateArray());
        AssertStamp(japans.GetProperty("lines").GetProperty("pledges")[0].GetProperty("recorded"), TestClients.DonorJapan, null, "RecordingPledge");
        await japan.GetAsync($"/api/funding/donors/{norwayId}/statement").ShouldBe(HttpStatusCode.NotFound);

        // Staff read the same lines with the same recorders.
        var staffView = await staff.GetFromJsonAsync<JsonElement>($"/api/funding/donors/{norwayId}/statement");
        Assert.Equal(lines.GetRawText(), staffView.GetProperty("lines").GetRawText());
    }

    private static void AssertStamp(JsonElement stamp, DemoClient client, Window? window, string action)
    {
        Assert.Equal(client.ClientId, stamp.GetProperty("clientId").GetString());
        Assert.Equal(client.Role, stamp.GetProperty("role").GetString());
        Assert.Equal(client.Subject, stamp.GetProperty("party").GetString());
        Assert.Equal(action, stamp.GetProperty("action").GetString());
        if (window is not null)
        {
            var at = stamp.GetProperty("at").GetDateTimeOffset();
            Assert.InRange(at, window.From, window.To);
        }
    }

    private static async Task<JsonElement> StatementWhenAsync(HttpClient donor, Guid donorId, Func<JsonElement, bool> condition, string what) =>
        await Eventually.GetAsync(async () =>
        {
            var statement = await donor.GetFromJsonAsync<JsonElement>($"/api/funding/donors/{donorId}/statement");
            return condition(statement) ? (JsonElement?)statement : null;
        }, what: what);

    /// <summary>When a call was made; the database keeps microseconds, so the window is widened by one millisecond each side.</summary>
    private sealed class Window
    {
        public DateTimeOffset From { get; private init; }
        public DateTimeOffset To { get; private set; }

        public static Window Open() => new() { From = DateTimeOffset.UtcNow.AddMilliseconds(-1) };

        public void Close() => To = DateTimeOffset.UtcNow.AddMilliseconds(1);
    }
}

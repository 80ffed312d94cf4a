using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.LoadGenerator.Checking;
using Programmes.LoadGenerator.Recording;
using Programmes.LoadGenerator.Targets;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;

namespace Programmes.LoadGenerator.Scenarios;

/// <summary>
/// Issue 16's money check on the compose system: budgets a few programmes at random amounts (through planning, as
/// staff would), loads this month's rates, records pledges in 0-, 2- and 3-decimal currencies earmarked at every
/// level, then posts <see cref="LoadOptions.Count"/> random valid payments against them, and reports
/// <see cref="MoneyChecks"/>. Stops by itself after the count or <see cref="LoadOptions.TimeLimit"/>, whichever first.
/// </summary>
public sealed class PaymentsCheck(Target target, LoadClients clients, LoadOptions options)
{
    private const string State = "KEN";
    private const string Donor = "DONOR-NOR";
    private const int Programmes = 24;
    private const int Pledges = 200;

    /// <summary>UN-like rates (units per USD) for this month; a month already loaded keeps its own.</summary>
    private static readonly (string Currency, decimal Rate)[] Rates =
    [
        ("USD", 1m), ("EUR", 0.9234m), ("GBP", 0.7912m), ("NOK", 10.5231m), ("CHF", 0.8845m), ("JPY", 150.2512m), ("KRW", 1385.42m),
        ("CLP", 945.31m), ("KWD", 0.30745m), ("BHD", 0.376m), ("JOD", 0.709m), ("TND", 3.1123m),
    ];

    private readonly Recorder _recorder = new();
    private readonly Random _random = new(16);
    private readonly List<Guid> _programmes = [];
    private readonly List<(Guid Id, string Currency, decimal Amount, decimal Rate, bool RegularBudget)> _pledges = [];
    private readonly Dictionary<Guid, decimal> _paid = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.TimeLimit);
        var restartsBefore = target is ComposeTarget ? await MoneyChecks.RestartCountAsync() : null;
        await clients.PrepareAsync(Roles.State, State, limit.Token);
        await clients.PrepareAsync(Roles.Donor, Donor, limit.Token);
        await DonorRegistration.EnsureAsync(clients, Donor, limit.Token);
        Console.WriteLine($"## budgeting {Programmes} programmes through planning");
        await Task.WhenAll(Enumerable.Range(0, Programmes).Select(n => BudgetAsync(n, limit.Token)));
        foreach (var (currency, rate) in Rates.Where(r => r.Currency != Money.UsdCode))
        {
            await CallAsync("rate", Roles.Staff, "staff", HttpMethod.Post, "/api/funding/exchange-rates",
                new { currency, month = Bodies.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture), unitsPerUsd = rate }, limit.Token, HttpStatusCode.OK, HttpStatusCode.Conflict);
        }
        Console.WriteLine($"## {Pledges} pledges, then {options.Count} payments ({options.Concurrency ?? 8} callers, at most {options.TimeLimit.TotalMinutes:F0} min)");
        for (var n = 0; n < Pledges; n++)
        {
            await PledgeAsync(n, limit.Token);
        }
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency ?? 8).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < options.Count && !limit.IsCancellationRequested)
            {
                await PayAsync(next, limit.Token);
            }
        }));
        _recorder.Print($"payments: {Math.Min(next, options.Count)} posted", clock.Elapsed);
        await new MoneyChecks(target.FundingDb, target.FundingService).ReportAsync(_recorder, target is ComposeTarget, restartsBefore, cancellationToken);
    }

    /// <summary>A request accepted, a programme drafted at a random budget (cents included), reviewed and proposed: planning then budgets it in funding.</summary>
    private async Task BudgetAsync(int n, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var request = await CallAsync("budget", Roles.State, State, HttpMethod.Post, "/api/intake/requests", Bodies.Request(n, State), cancellationToken, HttpStatusCode.Created, key: $"money-{run}");
        var requestId = request.GetProperty("id").GetGuid();
        await CallAsync("budget", Roles.Staff, "staff", HttpMethod.Post, $"/api/intake/requests/{requestId}/accept", null, cancellationToken, HttpStatusCode.OK);
        await UntilAsync($"/api/planning/intake-items?requestId={requestId}",
            page => page.GetProperty("items") is var items && items.GetArrayLength() == 1 && items[0].GetProperty("acceptedAt").ValueKind == JsonValueKind.String, cancellationToken);
        var budget = Random(20_000_00, 1_500_000_00) / 100m;
        var programme = await CallAsync("budget", Roles.Staff, "staff", HttpMethod.Post, "/api/planning/programmes", Bodies.Programme(requestId, State, budget), cancellationToken,
            HttpStatusCode.Created, key: $"money-draft-{run}");
        var id = programme.GetProperty("id").GetGuid();
        await CallAsync("budget", Roles.Staff, "staff", HttpMethod.Put, $"/api/planning/programmes/{id}/markers", new { genderMarker = 1, childrenConcerned = false }, cancellationToken, HttpStatusCode.OK);
        await CallAsync("budget", Roles.Staff, "staff", HttpMethod.Put, $"/api/planning/programmes/{id}/compliance-review", new { outcome = "Cleared", reviewer = "Load generator" }, cancellationToken, HttpStatusCode.OK);
        await CallAsync("budget", Roles.Staff, "staff", HttpMethod.Post, $"/api/planning/programmes/{id}/proposal", null, cancellationToken, HttpStatusCode.OK);
        await UntilAsync($"/api/funding/programmes/{id}", _ => true, cancellationToken);
        lock (_programmes)
        {
            _programmes.Add(id);
        }
    }

    /// <summary>USD 200,000 to 1,000,000 worth, in a random currency, earmarked at a random level (2% to a State no programme serves).</summary>
    private async Task PledgeAsync(int n, CancellationToken cancellationToken)
    {
        var (currency, rate) = Rates[_random.Next(Rates.Length)];
        var amount = Money.Round(currency, Random(200_000, 1_000_000) * rate);
        var regularBudget = n % 5 == 4;
        var (earmarking, to) = _random.Next(50) switch
        {
            0 => ("State", "NER"),
            < 10 => ("Programme", _programmes[_random.Next(_programmes.Count)].ToString()),
            < 20 => ("State", State),
            < 25 => ("Region", "African Group"),
            < 30 => ("ThematicArea", "RATIFICATION"),
            _ => ("Unearmarked", (string?)null),
        };
        var body = new
        {
            donorId = regularBudget ? new Guid("00000000-0000-0000-0000-000000000018") : (Guid?)null,
            amount,
            currency,
            pledgeDate = Bodies.Today.ToString("O"),
            agreementReference = $"MONEY-{n}",
            earmarking,
            earmarkedTo = to,
        };
        var pledge = regularBudget
            ? await CallAsync("pledge", Roles.Staff, "staff", HttpMethod.Post, "/api/funding/pledges", body, cancellationToken, HttpStatusCode.Created, key: $"money-pledge-{Guid.NewGuid():N}")
            : await CallAsync("pledge", Roles.Donor, Donor, HttpMethod.Post, "/api/funding/pledges", body, cancellationToken, HttpStatusCode.Created, key: $"money-pledge-{Guid.NewGuid():N}");
        var id = pledge.GetProperty("id").GetGuid();
        _pledges.Add((id, currency, amount, rate, regularBudget));
        _paid[id] = 0m;
    }

    /// <summary>USD 1 to 1,500 worth, at the currency's minor units, against a random pledge with that much left.</summary>
    private async Task PayAsync(int n, CancellationToken cancellationToken)
    {
        (Guid Id, string Currency, decimal Amount, decimal Rate, bool RegularBudget) pledge;
        decimal amount;
        lock (_paid)
        {
            pledge = _pledges[_random.Next(_pledges.Count)];
            amount = Math.Max(Money.Round(pledge.Currency, Random(100, 150_000) / 100m * pledge.Rate), 1m / (decimal)Math.Pow(10, Money.MinorUnits(pledge.Currency)));
            amount = Math.Min(amount, pledge.Amount - _paid[pledge.Id]);
            if (amount <= 0m)
            {
                return;
            }
            _paid[pledge.Id] += amount;
        }
        var (role, party) = pledge.RegularBudget ? (Roles.Staff, "staff") : (Roles.Donor, Donor);
        await CallAsync("pay", role, party, HttpMethod.Post, $"/api/funding/pledges/{pledge.Id}/payments",
            new { amount, currency = pledge.Currency, valueDate = Bodies.Today.ToString("O"), bankReference = $"MONEY-{n}" }, cancellationToken, HttpStatusCode.Created,
            key: $"money-pay-{Guid.NewGuid():N}");
    }

    private long Random(long min, long max)
    {
        lock (_random)
        {
            return _random.NextInt64(min, max + 1);
        }
    }

    /// <summary>One call, recorded under its operation, retried on 429, 502-504 or no answer (same Idempotency-Key) for up to a minute.</summary>
    private async Task<JsonElement> CallAsync(string operation, string role, string party, HttpMethod method, string path, object? body, CancellationToken cancellationToken,
        HttpStatusCode expected, HttpStatusCode? alsoFine = null, string? key = null)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            using var response = await Timed.SendAsync(_recorder, operation, async () =>
            {
                var request = await clients.RequestAsync(role, party, method, path, body, cancellationToken);
                request.Headers.Add("Idempotency-Key", key ?? $"money-{Guid.NewGuid():N}");
                return await clients.SendRequestAsync(request, cancellationToken);
            });
            if (response?.StatusCode == expected || (alsoFine is not null && response?.StatusCode == alsoFine))
            {
                return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            }
            var transient = response is null || (int)response.StatusCode is 429 or 502 or 503 or 504;
            if (!transient || Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(1))
            {
                var answer = response is null ? "no answer" : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                throw new InvalidOperationException($"{method} {path}: {answer}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250 * (1 << Math.Min(attempt - 1, 4)), 4_000)), cancellationToken);
        }
    }

    private async Task UntilAsync(string path, Func<JsonElement, bool> done, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(2))
        {
            using var response = await clients.SendAsync(Roles.Staff, "staff", HttpMethod.Get, path, null, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK && done(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)))
            {
                return;
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"{path} did not become ready within 2 minutes.");
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Programmes.Testing;

namespace Programmes.Benchmarks;

/// <summary>
/// Donors' systems retry: 10,000 pledge posts through the gateway at fixed concurrency, of which 1,000 repeat an
/// earlier post (same Idempotency-Key, same body), some while the first is still in flight. Exactly 9,000
/// pledges must exist afterwards. Args: [posts=10000] [concurrency=16].
/// </summary>
public sealed class ContributionsBenchmark : IBenchmark
{
    public string Name => "contributions";
    public string Description => "10,000 idempotent pledge posts (10% retries) through the gateway: throughput, p99, distinct records";

    public async Task RunAsync(string[] args)
    {
        var posts = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;
        var system = new FundingOnly();
        await system.InitializeAsync();
        try
        {
            using var staff = await system.ClientAsync(TestClients.Staff);
            await Post(staff, "/api/funding/donors", new { code = "DONOR-NOR", name = "Norway", kind = "MemberState", stateCode = "NOR" }, "register");
            using var donor = await system.ClientAsync(TestClients.DonorNorway);

            // Every tenth post repeats the unique post made three positions earlier.
            var plan = new List<int>(posts);
            var unique = 0;
            for (var i = 0; i < posts; i++)
            {
                plan.Add(i % 10 == 9 ? unique - 3 : unique++);
            }
            var latency = new Latency();
            var ids = new Guid[unique];
            var failures = 0;
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, cancellationToken) =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await Post(donor, "/api/funding/pledges", new
                {
                    amount = 1_000m + n,
                    currency = "USD",
                    pledgeDate = "2026-01-15",
                    agreementReference = $"NOR-{n}",
                    earmarking = "Unearmarked",
                }, $"pledge-{n}");
                latency.Add(Stopwatch.GetElapsedTime(started));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failures);
                    return;
                }
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
                bool differs;
                lock (ids)
                {
                    // A retry must answer with the first post's id.
                    differs = ids[n] != Guid.Empty && ids[n] != id;
                    if (ids[n] == Guid.Empty)
                    {
                        ids[n] = id;
                    }
                }
                if (differs)
                {
                    Interlocked.Increment(ref failures);
                }
            });
            clock.Stop();

            await using var connection = new NpgsqlConnection(system.ConnectionStrings["funding"]);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pledges", connection);
            var records = (long)(await count.ExecuteScalarAsync())!;

            Console.WriteLine($"posts={posts} (unique {unique}, retries {posts - unique}) concurrency={concurrency}");
            Console.WriteLine($"elapsed={clock.Elapsed.TotalSeconds:F1} s throughput={posts / clock.Elapsed.TotalSeconds:F0} posts/s");
            Console.WriteLine($"latency {latency.Summary()}");
            Console.WriteLine($"failures={failures} distinct ids={ids.Count(i => i != Guid.Empty)} pledges in database={records} (expected {unique}): {(records == unique && failures == 0 ? "OK" : "MISMATCH")}");
            if (records != unique || failures != 0)
            {
                throw new InvalidOperationException($"Expected exactly {unique} pledges and no failures.");
            }
        }
        finally
        {
            await system.DisposeAsync();
        }
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }

    private sealed class FundingOnly() : TestSystem(Services.Funding);
}

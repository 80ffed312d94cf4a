using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Programmes.BadInput.Tests.Urls;
using Programmes.Gateway.Clients;
using Programmes.ServiceDefaults;
using Programmes.Testing;
using Xunit;

namespace Programmes.BadInput.Tests;

/// <summary>
/// Every query-string parameter and every path segment of every <c>/api/</c> route (the four services and the
/// gateway's own), found in their endpoint metadata, gets every value of <see cref="UrlCorpus"/> through the
/// gateway with a token of a role the route admits. No answer may be a 5xx; every refusal is problem+json; a value
/// with a control character is a 400 naming the parameter. Then the limits: a 10 KB URI (414) and 40 KB of
/// headers (431) get problem bodies from the gateway and from each service; beyond Kestrel's own limits, and for
/// a NUL in a path, Kestrel answers before any application code runs, with an empty body.
/// </summary>
public sealed partial class BadInputTests
{
    [Fact]
    public async Task Every_bad_query_value_and_path_segment_is_refused_with_a_problem_and_no_5xx()
    {
        var routes = ParameterRoutes();
        var seeder = new Routes.Seeder(system);
        var before = await SettledCountsAsync();
        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentBag<(ParameterRoute Route, string Where, UrlValue Value, int Status, string? Failure)>();
        await Parallel.ForEachAsync(routes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (route, _) =>
        {
            var http = await seeder.As(CallerFor(route));
            foreach (var (where, parameter, path) in Variants(route))
            {
                var (status, mediaType, text) = await SendUrlAsync(http, route, path);
                answers.Add((route, where, parameter.Value, status, UrlVerdict(parameter, status, mediaType, text)));
            }
        });
        var elapsed = clock.Elapsed;
        var after = await CountsAsync();

        var all = answers.ToList();
        var summary = new StringBuilder();
        summary.AppendLine($"{routes.Count} routes with parameters ({routes.Sum(r => r.Query.Count)} query, {routes.Sum(r => r.Path.Count)} path), "
            + $"{all.Count} requests in {elapsed.TotalSeconds:F1} s: {Histogram(all.Select(a => a.Status))}; 5xx: {all.Count(a => a.Status >= 500)}");
        foreach (var group in all.GroupBy(a => a.Value.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            summary.AppendLine($"  {group.Key,-26} {Histogram(group.Select(a => a.Status))}");
        }
        output.WriteLine(summary.ToString());
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "bad-url-summary.txt"), summary.ToString());

        var failures = all.Where(a => a.Failure is not null).Select(a => $"{a.Route} {a.Where} = {a.Value.Label}: {a.Failure}").Order().ToList();
        var changed = before.SelectMany(b => RowCounts.Differences(b.Value, after[b.Key]).Select(d => $"{b.Key}.{d}")).ToList();
        Assert.True(failures.Count == 0 && changed.Count == 0,
            $"{failures.Count} answers broke the rules:\n{string.Join('\n', failures.Take(150))}\nRow counts changed: {string.Join(", ", changed)}");
    }

    [Fact]
    public async Task Over_long_URIs_and_headers_get_problems_and_only_Kestrels_own_refusals_are_bare()
    {
        var staff = await new Routes.Seeder(system).As(TestClients.Staff);
        var targets = new[] { ("gateway", system.GatewayUrl) }.Concat(system.ServiceUrls.Select(s => (TestSystem.ClusterOf(s.Key), s.Value)));
        var failures = new List<string>();
        foreach (var (name, url) in targets)
        {
            using var http = new HttpClient { BaseAddress = url };
            http.DefaultRequestHeaders.Authorization = staff.DefaultRequestHeaders.Authorization;
            // Within Kestrel's limits (twice ours): the shared check answers, with a problem body.
            await Expect(http, name, $"/api/x?q={new string('a', 10 * 1024)}", null, 414, problem: true);
            await Expect(http, name, "/api/x", new string('h', 40 * 1024), 431, problem: true);
            // Beyond them Kestrel answers before the pipeline: no application code can write a body.
            await Expect(http, name, $"/api/x?q={new string('a', 20 * 1024)}", null, 414, problem: false);
            await Expect(http, name, "/api/x", new string('h', 70 * 1024), 431, problem: false);
            await Expect(http, name, "/api/intake/requests/a%00b", null, 400, problem: false);
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));

        async Task Expect(HttpClient http, string name, string path, string? header, int status, bool problem)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Padding", header);
            }
            using var response = await http.SendAsync(request);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var text = await response.Content.ReadAsStringAsync();
            var wrong = (int)response.StatusCode != status ? $"status {(int)response.StatusCode}"
                : problem && mediaType != "application/problem+json" ? $"{mediaType ?? "no media type"}: {Shorten(text, 200)}"
                : !problem && text.Length > 0 ? $"a body where Kestrel writes none: {Shorten(text, 200)}"
                : null;
            if (wrong is not null)
            {
                failures.Add($"{name} {Shorten(path, 60)} (header {header?.Length ?? 0} B): expected {status}{(problem ? " problem+json" : " bare")}, got {wrong}");
            }
        }
    }

    private List<ParameterRoute> ParameterRoutes() =>
    [
        .. ParameterCatalogue.Read("gateway", system.Gateway),
        .. system.ServiceApps.OrderBy(s => s.Key).SelectMany(s => ParameterCatalogue.Read(TestSystem.ClusterOf(s.Key), s.Value)),
    ];

    private sealed record Parameter(string Name, bool InPath, bool Constrained, UrlValue Value);

    /// <summary>Each corpus value in one parameter at a time, the others well-formed (ids of nothing: the value is what is tested).</summary>
    private static IEnumerable<(string Where, Parameter Parameter, string Path)> Variants(ParameterRoute route)
    {
        string Fill(string? name, string? raw)
        {
            var path = "/" + route.Template;
            foreach (var p in route.Path)
            {
                // The template keeps its constraints ({id:guid}) and optional marks ({page?}).
                path = Regex.Replace(path, "\\{" + Regex.Escape(p.Name) + "(:[^}]*)?\\??\\}", (p.Name == name ? raw! : Wellformed(p)).Replace("$", "$$"));
            }
            Assert.DoesNotContain("{", path, StringComparison.Ordinal);
            return path;
        }
        foreach (var value in UrlCorpus.Values)
        {
            foreach (var p in route.Path)
            {
                yield return ($"path {p.Name}", new Parameter(p.Name, true, p.Constrained, value), Fill(p.Name, value.Raw));
            }
            foreach (var q in route.Query)
            {
                yield return ($"query {q}", new Parameter(q, false, false, value), $"{Fill(null, null)}?{q}={value.Raw}");
            }
        }
    }

    private static string Wellformed(PathParameter parameter) => parameter switch
    {
        { IsGuid: true } => Guid.NewGuid().ToString(),
        { Name: "stateCode" } => "KEN",
        { Name: "instrumentCode" } => "AVIATION-TOKYO-1963",
        { Name: "queue" } => "intake-nothing-here_error",
        { Name: "clientId" } => "nobody-here",
        { Name: "code" or "partnerCode" } => "CTED",
        _ => "x",
    };

    /// <summary>Staff where admitted (they reach the most), else the first demo client of a role the route admits.</summary>
    private static DemoClient CallerFor(ParameterRoute route) =>
        new[] { TestClients.Staff, TestClients.Operations, TestClients.StateKenya, TestClients.Cted, TestClients.DonorNorway }
            .FirstOrDefault(c => route.Roles.Count == 0 || route.Roles.Contains(c.Role)) ?? TestClients.Staff;

    private static async Task<(int Status, string? MediaType, string Text)> SendUrlAsync(HttpClient http, ParameterRoute route, string path)
    {
        // The path is sent exactly as written: HttpClient would otherwise re-encode or reject what is being tested.
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(http.BaseAddress!, new Uri(path, UriKind.Relative)));
        if (route.TakesBody)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Null when the answer is right.</summary>
    private static string? UrlVerdict(Parameter parameter, int status, string? mediaType, string text)
    {
        if (status >= 500)
        {
            return $"status {status}: {Shorten(text, 300)}";
        }
        if (parameter.Value.Fault == UrlFault.TooLong)
        {
            return status == 414 && mediaType == "application/problem+json" ? null : $"status {status} as {mediaType}, expected 414 problem+json";
        }
        if (parameter.InPath && parameter.Value.Raw.Contains("%00", StringComparison.Ordinal))
        {
            // Kestrel refuses a NUL in the path itself, before routing (see the limits test): a bare 400.
            return status == 400 ? null : $"status {status}, expected Kestrel's 400";
        }
        if (status >= 400 && mediaType != "application/problem+json")
        {
            return $"status {status} as {mediaType ?? "no media type"}, expected application/problem+json: {Shorten(text, 300)}";
        }
        if (parameter.Value.Fault == UrlFault.Invalid && !parameter.Constrained)
        {
            // A constrained segment (a GUID) with a control character matches no route: 404 then, like any other non-GUID.
            var named = status == 400 && JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty(parameter.Name, out _);
            return named ? null : $"status {status}, expected 400 naming '{parameter.Name}': {Shorten(text, 300)}";
        }
        return null;
    }
}

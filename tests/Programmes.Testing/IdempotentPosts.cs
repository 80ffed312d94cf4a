using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Xunit;

namespace Programmes.Testing;

public static class IdempotentPosts
{
    /// <summary>A POST with an <c>Idempotency-Key</c> header, as donors' systems and the console send them (a fresh key unless given).</summary>
    public static Task<HttpResponseMessage> PostWithKeyAsync(this HttpClient http, string url, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return http.SendAsync(request);
    }

    /// <summary>
    /// Posts <paramref name="body"/> twice with one key and expects one new row in <paramref name="table"/> of the
    /// <paramref name="database"/> and the first answer again; then the same key with <paramref name="otherBody"/>
    /// is refused with 422 and creates nothing.
    /// </summary>
    public static async Task ShouldBeIdempotentAsync(this HttpClient http, TestSystem system, string database, string table,
        string url, object body, object otherBody)
    {
        var key = Guid.NewGuid().ToString();
        var before = await system.CountRowsAsync(database, table);

        var first = await http.PostWithKeyAsync(url, body, key);
        Assert.True(first.IsSuccessStatusCode, $"POST {url} answered {(int)first.StatusCode}: {await first.Content.ReadAsStringAsync()}");
        var again = await http.PostWithKeyAsync(url, body, key);

        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(before + 1, await system.CountRowsAsync(database, table));

        var reused = await http.PostWithKeyAsync(url, otherBody, key).ShouldBeJson(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("https://programmes.unodc.org/problems/idempotency-key-reused", reused.GetProperty("type").GetString());
        Assert.Equal(before + 1, await system.CountRowsAsync(database, table));
    }

    /// <summary>How many rows <paramref name="table"/> holds in the database of <paramref name="database"/> (a cluster name or "gateway").</summary>
    public static async Task<long> CountRowsAsync(this TestSystem system, string database, string table)
    {
        await using var connection = new NpgsqlConnection(system.ConnectionStrings[database]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

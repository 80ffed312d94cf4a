using System.Net.Http.Json;

namespace Programmes.Testing;

public static class IdempotentPosts
{
    /// <summary>A POST with an <c>Idempotency-Key</c> header, as donors' systems send them (a fresh key unless given).</summary>
    public static Task<HttpResponseMessage> PostWithKeyAsync(this HttpClient http, string url, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return http.SendAsync(request);
    }
}

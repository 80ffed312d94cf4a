using System.Net;
using System.Net.Http.Json;

namespace Programmes.Console.Api;

/// <summary>The gateway's API, called with the signed-in person's token (see <c>ApiExtensions</c>).</summary>
public sealed class ProgrammesApi(HttpClient http)
{
    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    /// <summary>A POST; a creating one carries the form's own <paramref name="idempotencyKey"/>, so a repeated post creates one record.</summary>
    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: ApiJson.Options),
        };
        if (idempotencyKey is { Length: > 0 })
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return SendAsync<T>(request, cancellationToken);
    }

    public async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using (request)
        using (var response = await http.SendAsync(request, cancellationToken))
        {
            if (response.IsSuccessStatusCode)
            {
                var value = response.StatusCode == HttpStatusCode.NoContent
                    ? default
                    : await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken);
                return new ApiResult<T>(value, null, response.Headers.Location);
            }
            Problem? problem = null;
            if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
            {
                problem = await response.Content.ReadFromJsonAsync<Problem>(ApiJson.Options, cancellationToken);
            }
            return new ApiResult<T>(default, (problem ?? new Problem(null, response.ReasonPhrase, 0, null, null)) with { Status = (int)response.StatusCode });
        }
    }
}

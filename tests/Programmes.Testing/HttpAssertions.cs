using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Programmes.Testing;

public static class HttpAssertions
{
    /// <summary>Asserts the status, showing the body when it differs (a problem document says why).</summary>
    public static async Task<HttpResponseMessage> ShouldBe(this Task<HttpResponseMessage> pending, HttpStatusCode expected)
    {
        var response = await pending;
        if (response.StatusCode != expected)
        {
            Assert.Fail($"Expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return response;
    }

    /// <summary>Asserts the status and reads the JSON body.</summary>
    public static async Task<JsonElement> ShouldBeJson(this Task<HttpResponseMessage> pending, HttpStatusCode expected)
    {
        var response = await pending.ShouldBe(expected);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

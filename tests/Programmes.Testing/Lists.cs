using System.Net.Http.Json;
using System.Text.Json;

namespace Programmes.Testing;

/// <summary>Reads the lists every service pages the same way (<c>{ items, page, pageSize, total }</c>).</summary>
public static class Lists
{
    /// <summary>The items of one page of a list (the first, unless the URL names another).</summary>
    public static async Task<JsonElement[]> GetItemsAsync(this HttpClient http, string url)
    {
        var page = await http.GetFromJsonAsync<JsonElement>(url);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}

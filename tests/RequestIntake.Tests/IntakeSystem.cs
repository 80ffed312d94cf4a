using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.RequestIntake.Tests;

/// <summary>
/// Gateway and intake only, shared by every test class of this project (one start-up): tests keep apart
/// by using their own States, ids and thematic areas.
/// </summary>
public sealed class IntakeSystem() : TestSystem(Services.Intake);

[CollectionDefinition(Name)]
public sealed class IntakeCollection : ICollectionFixture<IntakeSystem>
{
    public const string Name = "intake";
}

public static class IntakeApi
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static Dictionary<string, object?> ValidRequest(string state = "KEN", string area = "RATIFICATION", int startInDays = 30, int lengthDays = 90) => new()
    {
        ["stateCode"] = state,
        ["requestingAuthority"] = "Office of the Attorney General",
        ["contactPerson"] = "Focal point",
        ["contactEmail"] = "focal.point@example.org",
        ["contactPhone"] = "+254 20 000 0000",
        ["thematicAreas"] = new[] { area },
        ["instruments"] = new[] { "AVIATION-TOKYO-1963" },
        ["needs"] = "Assistance to ratify the remaining instruments.",
        ["priorities"] = "Aviation security first.",
        ["desiredStart"] = Today.AddDays(startInDays).ToString("yyyy-MM-dd"),
        ["desiredEnd"] = Today.AddDays(startInDays + lengthDays).ToString("yyyy-MM-dd"),
        ["preferredModalities"] = new[] { "LEGAL-ADVISORY" },
        ["beneficiaryInstitutions"] = new[] { "Ministry of Justice" },
    };

    public static async Task<JsonElement> SubmitAsync(this HttpClient state, Dictionary<string, object?> body) =>
        await state.PostAsJsonAsync("/api/intake/requests", body).ShouldBeJson(HttpStatusCode.Created);

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Status(this JsonElement element) => element.GetProperty("status").GetString()!;

    public static string[] Strings(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.ToString()).ToArray();

    /// <summary>The invalid fields a validation problem names.</summary>
    public static string[] ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();

    public static async Task<JsonElement> ShouldBeIllegalTransition(this Task<HttpResponseMessage> pending, string currentState)
    {
        var problem = await pending.ShouldBeJson(HttpStatusCode.Conflict);
        Assert.Equal("https://programmes.unodc.org/problems/illegal-transition", problem.GetProperty("type").GetString());
        Assert.Equal(currentState, problem.GetProperty("currentState").GetString());
        return problem;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http;
using Programmes.Console.Api;

namespace Programmes.Console.Components.Pages.State;

/// <summary>What the State typed into the submission form, kept as typed so that a refused post shows it again.</summary>
public sealed class SubmitForm
{
    public string IdempotencyKey { get; set; } = Shared.FormKey.New();
    public string? RequestingAuthority { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public HashSet<string> ThematicAreas { get; set; } = [];
    public HashSet<string> Instruments { get; set; } = [];
    public HashSet<string> PreferredModalities { get; set; } = [];
    public string? Needs { get; set; }
    public string? Priorities { get; set; }
    public string? DesiredStart { get; set; }
    public string? DesiredEnd { get; set; }
    public string? BeneficiaryInstitutions { get; set; }

    public static SubmitForm From(IFormCollection form) => new()
    {
        IdempotencyKey = form["idempotencyKey"].ToString() is { Length: > 0 } key ? key : Shared.FormKey.New(),
        RequestingAuthority = form["requestingAuthority"],
        ContactPerson = form["contactPerson"],
        ContactEmail = form["contactEmail"],
        ContactPhone = form["contactPhone"],
        ThematicAreas = [.. form["thematicAreas"].OfType<string>()],
        Instruments = [.. form["instruments"].OfType<string>()],
        PreferredModalities = [.. form["preferredModalities"].OfType<string>()],
        Needs = form["needs"],
        Priorities = form["priorities"],
        DesiredStart = form["desiredStart"],
        DesiredEnd = form["desiredEnd"],
        BeneficiaryInstitutions = form["beneficiaryInstitutions"],
    };

    /// <summary>The API's body; an empty field is sent as absent, so the API's own rules decide what is required.</summary>
    public NewRequest ToRequest(string stateCode) => new(
        stateCode,
        Blank(RequestingAuthority),
        Blank(ContactPerson),
        Blank(ContactEmail),
        Blank(ContactPhone),
        [.. ThematicAreas],
        [.. Instruments],
        Blank(Needs),
        Blank(Priorities),
        Date(DesiredStart),
        Date(DesiredEnd),
        [.. PreferredModalities],
        (BeneficiaryInstitutions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

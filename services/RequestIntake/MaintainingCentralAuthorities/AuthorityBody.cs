using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.RequestIntake.MaintainingCentralAuthorities;

/// <summary>What a State says about one of its authorities, on registration and on every update.</summary>
public sealed record AuthorityBody(
    string? Kind,
    string? Name,
    [property: NotRequired] string? Address,
    [property: NotRequired] string? Phone,
    [property: NotRequired] string? Email,
    List<string>? Languages,
    List<string>? Channels,
    [property: NotRequired] string? Notes,
    DateOnly? LastConfirmed)
{
    /// <summary>The authority's details once every field is valid; the placeholders for missing values never leave Yields.</summary>
    public bool TryValidate(DateOnly today, [NotNullWhen(true)] out AuthorityDetails? details, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        var kind = default(AuthorityKind);
        if (v.Required(Kind, "kind", 40))
        {
            v.Check(Enum.TryParse(Kind, out kind) && Enum.IsDefined(kind), "kind",
                $"must be one of {string.Join(", ", Enum.GetNames<AuthorityKind>())}.");
        }
        var name = v.Text(Name, "name", 200);
        v.Optional(Address, "address", 500);
        v.Phone(Phone, "phone");
        v.Email(Email, "email");
        v.Codes(Languages, "languages", IsLanguage, "ISO 639-1 language code (two lower-case letters)", max: 20);
        v.Codes(Channels, "channels", c => Enum.TryParse<AuthorityChannel>(c, out var channel) && Enum.IsDefined(channel),
            $"channel ({string.Join(", ", Enum.GetNames<AuthorityChannel>())})", allowEmpty: true, max: 10);
        v.Optional(Notes, "notes", 2000);
        var lastConfirmed = v.Present(LastConfirmed, "lastConfirmed");
        if (LastConfirmed is not null)
        {
            v.Check(lastConfirmed <= today, "lastConfirmed", "must not be in the future.");
        }
        return v.Yields(new AuthorityDetails(kind, name.Trim(), Address, Phone, Email, Languages ?? [],
            v.IsValid ? [.. (Channels ?? []).Select(Enum.Parse<AuthorityChannel>)] : [], Notes, lastConfirmed), out details, out problem);
    }

    private static bool IsLanguage(string? code) => code is { Length: 2 } && code.All(char.IsAsciiLetterLower);
}

/// <summary>An authority's details as a State gave them, once valid.</summary>
public sealed record AuthorityDetails(AuthorityKind Kind, string Name, string? Address, string? Phone, string? Email,
    List<string> Languages, List<AuthorityChannel> Channels, string? Notes, DateOnly LastConfirmed)
{
    public void ApplyTo(CentralAuthority authority)
    {
        authority.Kind = Kind;
        authority.Name = Name;
        authority.Address = Address;
        authority.Phone = Phone;
        authority.Email = Email;
        authority.Languages = Languages;
        authority.Channels = Channels;
        authority.Notes = Notes;
        authority.LastConfirmed = LastConfirmed;
    }
}

public sealed record AuthorityView(
    Guid Id, string StateCode, string Kind, string Name, string? Address, string? Phone, string? Email,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Channels, string? Notes, DateOnly LastConfirmed, DateTimeOffset UpdatedAt)
{
    public static AuthorityView From(CentralAuthority a) => new(
        a.Id, a.StateCode, a.Kind.ToString(), a.Name, a.Address, a.Phone, a.Email, a.Languages,
        a.Channels.Select(c => c.ToString()).ToList(), a.Notes, a.LastConfirmed, a.UpdatedAt);
}

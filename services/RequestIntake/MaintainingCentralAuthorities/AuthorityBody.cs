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
    public Validation Validate(DateOnly today)
    {
        var validation = new Validation();
        if (validation.Required(Kind, "kind", 40))
        {
            validation.Check(Enum.TryParse<AuthorityKind>(Kind, out var kind) && Enum.IsDefined(kind), "kind",
                $"must be one of {string.Join(", ", Enum.GetNames<AuthorityKind>())}.");
        }
        validation.Required(Name, "name", 200);
        validation.Optional(Address, "address", 500);
        validation.Phone(Phone, "phone");
        validation.Email(Email, "email");
        validation.Codes(Languages, "languages", IsLanguage, "ISO 639-1 language code (two lower-case letters)", max: 20);
        validation.Codes(Channels, "channels", c => Enum.TryParse<AuthorityChannel>(c, out var channel) && Enum.IsDefined(channel),
            $"channel ({string.Join(", ", Enum.GetNames<AuthorityChannel>())})", allowEmpty: true, max: 10);
        validation.Optional(Notes, "notes", 2000);
        if (validation.Check(LastConfirmed is not null, "lastConfirmed", "is required."))
        {
            validation.Check(LastConfirmed <= today, "lastConfirmed", "must not be in the future.");
        }
        return validation;
    }

    public void ApplyTo(CentralAuthority authority)
    {
        authority.Kind = Enum.Parse<AuthorityKind>(Kind!);
        authority.Name = Name!.Trim();
        authority.Address = Address;
        authority.Phone = Phone;
        authority.Email = Email;
        authority.Languages = Languages!;
        authority.Channels = (Channels ?? []).Select(Enum.Parse<AuthorityChannel>).ToList();
        authority.Notes = Notes;
        authority.LastConfirmed = LastConfirmed!.Value;
    }

    private static bool IsLanguage(string? code) => code is { Length: 2 } && code.All(char.IsAsciiLetterLower);
}

public sealed record AuthorityView(
    Guid Id, string StateCode, string Kind, string Name, string? Address, string? Phone, string? Email,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Channels, string? Notes, DateOnly LastConfirmed, DateTimeOffset UpdatedAt)
{
    public static AuthorityView From(CentralAuthority a) => new(
        a.Id, a.StateCode, a.Kind.ToString(), a.Name, a.Address, a.Phone, a.Email, a.Languages,
        a.Channels.Select(c => c.ToString()).ToList(), a.Notes, a.LastConfirmed, a.UpdatedAt);
}

using System.Collections.Frozen;

namespace Programmes.ReferenceData;

/// <summary>
/// A closed set of codes from the reference tables, with what each code means. The API documents publish
/// each one as an enum schema named <see cref="Schema"/> and the validators refuse what it does not list,
/// both from this one definition, so the two cannot drift apart.
/// </summary>
public sealed record CodeList(string Schema, string Noun, string Description, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>Lists this short are named in full in a validation problem; longer ones by their schema.</summary>
    private const int NamedInFull = 25;

    public bool Contains(string? code) => code is not null && Values.ContainsKey(code);

    /// <summary>What a validation problem says of a code this list does not hold: the allowed values, or where they are listed.</summary>
    public string Unknown(string? code) => Values.Count <= NamedInFull
        ? $"'{code}' is not a known {Noun}; allowed: {string.Join(", ", Values.Keys)}."
        : $"'{code}' is not a known {Noun}; the allowed values are the enum of the schema {Schema} in the API documents (/openapi/programmes.json#/components/schemas/{Schema}).";
}

/// <summary>The code lists of the API, built from the embedded reference tables.</summary>
public static class CodeLists
{
    public static CodeList MemberStates { get; } = new(
        "MemberStateCode", "Member State (ISO 3166-1 alpha-3)",
        "A UN Member State by its ISO 3166-1 alpha-3 code; each value's description is its UN short name.",
        Ordered(Reference.MemberStates.Values.Select(s => (s.Iso3, s.Name))));

    public static CodeList ThematicAreas { get; } = new(
        "ThematicAreaCode", "thematic area",
        "A thematic area of counter-terrorism technical assistance, after the operative paragraphs of ECOSOC resolution 2017/17.",
        Ordered(Reference.ThematicAreas.Values.Select(t => (t.Code, $"{t.Name} (operative paragraph {string.Join(", ", t.OperativeParagraphs)})"))));

    public static CodeList Instruments { get; } = new(
        "InstrumentCode", "instrument",
        "One of the 19 universal legal instruments against terrorism; each value's description is its full title.",
        Ordered(Reference.Instruments.Values.OrderBy(i => i.Number).Select(i => (i.Code, $"{i.OfficialName} ({i.Year})")), sort: false));

    public static CodeList DeliveryModalities { get; } = new(
        "DeliveryModalityCode", "delivery modality", "How an activity is delivered.",
        Ordered(Reference.DeliveryModalities.Values.Select(m => (m.Code, m.Name))));

    public static CodeList InstitutionTypes { get; } = new(
        "InstitutionTypeCode", "institution type", "The kind of national institution whose officials an activity serves.",
        Ordered(Csv.Read("institution-types.csv").Select(r => (r[0], r[1])), sort: false));

    public static CodeList Currencies { get; } = new(
        "CurrencyCode", "ISO 4217 currency code",
        "An ISO 4217 currency; amounts in it are exact at its minor units (JPY 0 decimals, USD 2, KWD 3).",
        Ordered(Reference.Currencies.Values.Select(c => (c.Code, $"{c.Name} ({c.MinorUnits} decimals)"))));

    public static CodeList RegionalGroups { get; } = new(
        "RegionalGroup", "regional group", "A UN regional group of Member States.",
        Ordered(Reference.RegionalGroups.Select(g => (g, $"The {g} of Member States"))));

    public static IReadOnlyList<CodeList> All { get; } =
        [MemberStates, ThematicAreas, Instruments, DeliveryModalities, InstitutionTypes, Currencies, RegionalGroups];

    /// <summary>
    /// The JSON property and query parameter names that hold a code of a list, in every service: the
    /// documents type each such value (or array item, or map key) with the list's schema.
    /// </summary>
    public static FrozenDictionary<string, CodeList> ByName { get; } = new Dictionary<string, CodeList>(StringComparer.Ordinal)
    {
        ["stateCode"] = MemberStates,
        ["stateCodes"] = MemberStates,
        ["thematicArea"] = ThematicAreas,
        ["thematicAreas"] = ThematicAreas,
        ["instruments"] = Instruments,
        ["instrumentCode"] = Instruments,
        ["modality"] = DeliveryModalities,
        ["preferredModalities"] = DeliveryModalities,
        ["targetInstitutions"] = InstitutionTypes,
        ["participantsByInstitution"] = InstitutionTypes,
        ["currency"] = Currencies,
        ["regionalGroups"] = RegionalGroups,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static Dictionary<string, string> Ordered(IEnumerable<(string Code, string Description)> values, bool sort = true)
    {
        var list = sort ? values.OrderBy(v => v.Code, StringComparer.Ordinal) : values;
        var ordered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, description) in list)
        {
            ordered.Add(code, description);
        }
        return ordered;
    }
}

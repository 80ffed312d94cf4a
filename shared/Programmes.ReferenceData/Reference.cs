using System.Collections.Frozen;
using System.Globalization;

namespace Programmes.ReferenceData;

public sealed record MemberState(
    string Iso3, string Iso2, string M49, string Name, string OfficialName,
    string RegionalGroup, string Region, string Subregion);

public sealed record Instrument(string Code, int Number, int Year, string ShortName, string OfficialName, string Depositary, string Domain);

public sealed record ThematicArea(string Code, IReadOnlyList<int> OperativeParagraphs, string Name, string DacSector);

public sealed record DeliveryModality(string Code, string Name);

public sealed record PartnerEntity(string Code, string Name, string Kind);

public sealed record Currency(string Code, int MinorUnits, string Name);

/// <summary>
/// The reference tables of the resolution's world: the 193 Member States, the 19 universal instruments,
/// the thematic areas of the operative paragraphs, delivery modalities, partner entities and ISO 4217
/// currencies. Copied into this assembly; nothing is read from outside it at run time.
/// </summary>
public static class Reference
{
    public static FrozenDictionary<string, MemberState> MemberStates { get; } =
        Csv.Read("member-states.csv")
            .Select(r => new MemberState(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]))
            .ToFrozenDictionary(s => s.Iso3, StringComparer.Ordinal);

    public static FrozenDictionary<string, Instrument> Instruments { get; } =
        Csv.Read("instruments.csv")
            .Select(r => new Instrument(r[0], int.Parse(r[1], CultureInfo.InvariantCulture), int.Parse(r[2], CultureInfo.InvariantCulture), r[3], r[4], r[5], r[6]))
            .ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);

    public static FrozenDictionary<string, ThematicArea> ThematicAreas { get; } =
        Csv.Read("thematic-areas.csv")
            .Select(r => new ThematicArea(r[0], r[1].Split(';').Select(int.Parse).ToArray(), r[2], r[3]))
            .ToFrozenDictionary(t => t.Code, StringComparer.Ordinal);

    public static FrozenDictionary<string, DeliveryModality> DeliveryModalities { get; } =
        Csv.Read("delivery-modalities.csv")
            .Select(r => new DeliveryModality(r[0], r[1]))
            .ToFrozenDictionary(m => m.Code, StringComparer.Ordinal);

    public static FrozenDictionary<string, PartnerEntity> Partners { get; } =
        Csv.Read("partners.csv")
            .Select(r => new PartnerEntity(r[0], r[1], r[2]))
            .ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);

    public static FrozenDictionary<string, Currency> Currencies { get; } =
        Csv.Read("currencies.csv")
            .Select(r => new Currency(r[0], int.Parse(r[1], CultureInfo.InvariantCulture), r[2]))
            .ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>The UN regional groups, as named in the Member States table.</summary>
    public static IReadOnlyList<string> RegionalGroups { get; } =
        MemberStates.Values.Select(s => s.RegionalGroup).Distinct().Order(StringComparer.Ordinal).ToArray();

    public static bool IsMemberState(string? iso3) => iso3 is not null && MemberStates.ContainsKey(iso3);
    public static bool IsInstrument(string? code) => code is not null && Instruments.ContainsKey(code);
    public static bool IsThematicArea(string? code) => code is not null && ThematicAreas.ContainsKey(code);
    public static bool IsDeliveryModality(string? code) => code is not null && DeliveryModalities.ContainsKey(code);
    public static bool IsPartner(string? code) => code is not null && Partners.ContainsKey(code);
    public static bool IsCurrency(string? code) => code is not null && Currencies.ContainsKey(code);
}

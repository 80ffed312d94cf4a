using System.Security.Cryptography;
using Programmes.Gateway.People;
using Programmes.ServiceDefaults;

namespace Programmes.Testing;

/// <summary>The people every test system seeds: one per role, as deploy/demo-users.json does; staff and operations with a TOTP key.</summary>
public static class TestUsers
{
    public static readonly DemoUser StateKenya = new("ken.focal", "ken-focal-password", Roles.State, "KEN", "Kenya focal point", null);
    public static readonly DemoUser StateNiger = new("ner.focal", "ner-focal-password", Roles.State, "NER", "Niger focal point", null);
    public static readonly DemoUser Cted = new("cted.officer", "cted-officer-password", Roles.Partner, "CTED", "CTED desk officer", null);
    public static readonly DemoUser DonorNorway = new("nor.donor", "nor-donor-password", Roles.Donor, "DONOR-NOR", "Norway donor relations", null);
    public static readonly DemoUser Staff = new("staff.officer", "staff-officer-password", Roles.Staff, "staff", "Programme officer",
        "DEMOSTAFFTOTPKEYDEMOSTAFFTOTPKEY");
    public static readonly DemoUser Operations = new("ops.operator", "ops-operator-password", Roles.Operations, "operations", "Operations",
        "DEMOOPERATIONSTOTPKEYDEMOOPERATI");

    public static readonly IReadOnlyList<DemoUser> All = [StateKenya, StateNiger, Cted, DonorNorway, Staff, Operations];

    /// <summary>The RFC 6238 code (SHA-1, 30 s, 6 digits) of a Base32 key at <paramref name="at"/>, as an authenticator app shows it.</summary>
    public static string TotpCode(string base32Key, DateTimeOffset at)
    {
        var step = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(step);
        }
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it: HMAC-SHA-1.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), step);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.ToUpperInvariant().Where(c => c != ' ' && c != '=')
            .Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}

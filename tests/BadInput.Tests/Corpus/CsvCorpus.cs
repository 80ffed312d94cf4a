using System.Text;

namespace Programmes.BadInput.Tests.Corpus;

/// <summary>
/// Malformed CSV files for an endpoint that takes <c>text/csv</c>: a valid header and line, then every cell
/// given bad values, wrong cell counts, invalid UTF-8, oversized lines and files, wrong media types, and
/// deterministic random files mixing valid lines with bad ones (one bad line rejects the file).
/// </summary>
public static class CsvCorpus
{
    public const string Csv = "text/csv";

    public static IReadOnlyList<BadBody> Generate(Sample sample, int seed, int minimum)
    {
        var lines = sample.Json.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];
        var cells = lines[1].Split(',');
        var names = header.Split(',');
        var bad = new Dictionary<int, string[]>();
        for (var i = 0; i < cells.Length; i++)
        {
            bad[i] =
            [
                "", " ", "ZZZ", "zzz", "-1", "0", "1e400", "79228162514264337593543950336", "NaN", "Infinity", "0x10", "1,5",
                "2026-13", "0000-00", "10000-01", "\"quoted\"", "a\0b", new string('x', 100 * 1024), "\ud800", "=cmd|' /C calc'!A0",
            ];
        }

        var bodies = new List<BadBody>();
        BadBody File(string kind, string field, params string[] rows) =>
            new(kind, field, Encoding.UTF8.GetBytes(string.Join('\n', [header, .. rows]) + "\n"), Csv);

        for (var i = 0; i < cells.Length; i++)
        {
            foreach (var value in bad[i])
            {
                var row = (string[])cells.Clone();
                row[i] = value;
                bodies.Add(File($"bad cell {Shorten(value)}", names[i], string.Join(',', row)));
            }
        }
        bodies.Add(new BadBody("empty body", "$", [], Csv));
        bodies.Add(new BadBody("header only", "$", Encoding.UTF8.GetBytes(header + "\n"), Csv));
        bodies.Add(File("too few cells", "line 2", string.Join(',', cells[..^1])));
        bodies.Add(File("too many cells", "line 2", string.Join(',', cells) + ",extra"));
        bodies.Add(File("semicolons", "line 2", string.Join(';', cells)));
        bodies.Add(File("same line twice", "$", lines[1], lines[1]));
        bodies.Add(File("JSON instead of CSV", "$", "{\"currency\":\"NOK\"}"));
        bodies.Add(File("10,001 bad lines", "$", Enumerable.Repeat("ZZZ,2026-01,1", 10_001).ToArray()));
        var valid = Encoding.UTF8.GetBytes(sample.Json);
        foreach (var (name, poison) in new (string, byte[])[] { ("0xFF", [0xFF]), ("overlong", [0xC0, 0xAF]), ("lone continuation", [0x80]), ("encoded surrogate", [0xED, 0xA0, 0x80]) })
        {
            var at = header.Length + 2;
            bodies.Add(new BadBody($"invalid UTF-8: {name}", "$", [.. valid[..at], .. poison, .. valid[at..]], Csv));
        }
        bodies.Add(new BadBody("UTF-16 sent as UTF-8", "$", Encoding.Unicode.GetBytes(sample.Json), Csv));
        bodies.Add(new BadBody("2 MB file", "$", Encoding.UTF8.GetBytes(sample.Json + new string('x', 2 * 1024 * 1024)), Csv, Expected: 413));
        foreach (var mediaType in new[] { "application/json", "text/plain", "application/x-www-form-urlencoded", null })
        {
            bodies.Add(new BadBody($"media type {mediaType ?? "missing"}", "$", valid, mediaType, Expected: 415));
        }

        var random = new Random(seed);
        while (bodies.Count < minimum)
        {
            var rows = new List<string>();
            for (var n = random.Next(1, 6); n > 0; n--)
            {
                rows.Add(lines[1]);
            }
            var broken = (string[])cells.Clone();
            var column = random.Next(cells.Length);
            broken[column] = bad[column][random.Next(bad[column].Length)];
            rows.Insert(random.Next(rows.Count + 1), string.Join(',', broken));
            bodies.Add(File($"{rows.Count} lines, one bad", names[column], [.. rows]));
        }
        return bodies;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..37] + "..." : text.Replace("\0", "\\0");
}

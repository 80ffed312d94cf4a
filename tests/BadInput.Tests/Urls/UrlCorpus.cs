namespace Programmes.BadInput.Tests.Urls;

/// <summary>How a value must be answered: <see cref="Invalid"/> text is a 400 naming the parameter; any other odd value just no 5xx.</summary>
public enum UrlFault
{
    Invalid,
    Odd,
    TooLong,
}

/// <summary>A value as it is written into the URL (already percent-encoded), and what it tests.</summary>
public sealed record UrlValue(string Raw, string Label, UrlFault Fault);

/// <summary>
/// The values every query-string parameter and every path segment of every route gets. Control characters are
/// refused by the services' shared check; invalid UTF-8 is decoded by ASP.NET to U+FFFD (so a lone surrogate
/// cannot reach a handler from a URL) and must be answered like any other unknown value.
/// </summary>
public static class UrlCorpus
{
    public static readonly IReadOnlyList<UrlValue> Values =
    [
        new("%00", "NUL", UrlFault.Invalid),
        new("KEN%00", "NUL after a code", UrlFault.Invalid),
        new("a%00b", "NUL inside", UrlFault.Invalid),
        new("%01", "U+0001", UrlFault.Invalid),
        new("%1F", "U+001F", UrlFault.Invalid),
        new("%7F", "DEL", UrlFault.Invalid),
        new("%C2%80", "C1 control U+0080", UrlFault.Invalid),
        new("a%0Ab", "line feed", UrlFault.Invalid),
        new("a%0D%0Ab", "CR LF", UrlFault.Invalid),
        new("a%09b", "tab", UrlFault.Invalid),
        new("%FF", "invalid UTF-8 0xFF", UrlFault.Odd),
        new("%C0%80", "overlong NUL", UrlFault.Odd),
        new("%ED%A0%80", "encoded lone surrogate", UrlFault.Odd),
        new("%F4%90%80%80", "beyond U+10FFFF", UrlFault.Odd),
        new("%E2%82", "truncated UTF-8", UrlFault.Odd),
        new("%E2%80%AE", "right-to-left override", UrlFault.Odd),
        new("%EF%BF%BF", "noncharacter U+FFFF", UrlFault.Odd),
        new("%EF%BB%BF", "byte order mark", UrlFault.Odd),
        new("%F0%9F%98%80", "emoji", UrlFault.Odd),
        new("", "empty", UrlFault.Odd),
        new("%20", "blank", UrlFault.Odd),
        new("-1", "-1", UrlFault.Odd),
        new("0", "0", UrlFault.Odd),
        new("99999999999999999999", "beyond Int64", UrlFault.Odd),
        new("1e400", "1e400", UrlFault.Odd),
        new("NaN", "NaN", UrlFault.Odd),
        new("0000-00-00", "date zero", UrlFault.Odd),
        new("2026-02-30", "30 February", UrlFault.Odd),
        new("10000-01-01", "year 10000", UrlFault.Odd),
        new("not-a-guid", "not a GUID", UrlFault.Odd),
        new("00000000-0000-0000-0000-000000000000", "empty GUID", UrlFault.Odd),
        new("ZZZ-NOT-A-CODE", "unknown code", UrlFault.Odd),
        new("%27%3B--%20DROP%20TABLE%20x", "SQL", UrlFault.Odd),
        new("%25", "percent sign", UrlFault.Odd),
        new("%25%30%30", "double-encoded NUL", UrlFault.Odd),
        new("..%2F..%2Fetc", "encoded slashes", UrlFault.Odd),
        new(new string('a', 2000), "2,000 characters", UrlFault.Odd),
        new(new string('a', 10 * 1024), "10 KB", UrlFault.TooLong),
    ];
}

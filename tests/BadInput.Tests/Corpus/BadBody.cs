namespace Programmes.BadInput.Tests.Corpus;

/// <summary>
/// One malformed request body: what was broken (<paramref name="Kind"/>, in which <paramref name="Field"/>),
/// the exact bytes sent and the media type they are sent as (null: no Content-Type header).
/// <paramref name="Expected"/> pins the status when only one is right (413, 415); otherwise any of
/// <see cref="Answers.Refusals"/>, plus 404 when <paramref name="NamesMissingObject"/> (a well-formed id of an
/// object that does not exist).
/// </summary>
public sealed record BadBody(string Kind, string Field, byte[] Bytes, string? ContentType, int? Expected = null, bool NamesMissingObject = false)
{
    public override string ToString() =>
        $"{Kind} [{Field}] ({Bytes.Length} bytes{(ContentType is null ? ", no content type" : ContentType == "application/json" ? "" : ", " + ContentType)})";
}

/// <summary>One valid body for a route, the fields it may omit, and the string fields holding enum names.</summary>
/// <param name="Optional">Field paths that may be missing or null (<c>contactPerson</c>, <c>place.online</c>, <c>counts.*</c>).</param>
/// <param name="Enums">Field paths whose strings are enum names (<c>kind</c>, <c>channels[]</c>); all-capitals codes are found without this.</param>
/// <param name="Text">Field paths whose values look like codes but are free references or new identifiers (<c>bankReference</c>).</param>
/// <param name="BodyOptional">The route accepts no body at all (then an empty body, <c>null</c> and no media type are not mistakes).</param>
public sealed record Sample(string Json, string[]? Optional = null, string[]? Enums = null, string[]? Text = null, bool BodyOptional = false);

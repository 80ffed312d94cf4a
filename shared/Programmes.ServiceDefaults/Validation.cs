using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ReferenceData;

namespace Programmes.ServiceDefaults;

/// <summary>
/// Collects every problem with a request before answering, so a client fixes them all in one go.
/// Field names are the JSON paths the client sent (camelCase).
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    /// <summary>Adds <paramref name="message"/> unless <paramref name="condition"/> holds; returns the condition.</summary>
    public bool Check(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }
        return condition;
    }

    public bool Required([NotNullWhen(true)] string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return false;
        }
        return Check(value.Length <= maxLength, field, $"must be at most {maxLength} characters.");
    }

    /// <summary>A text required only when <paramref name="required"/> holds (a reason for a cancellation, say), else optional.</summary>
    public bool RequiredWhen(bool required, string? value, string field, int maxLength) =>
        required ? Required(value, field, maxLength) : Optional(value, field, maxLength);

    public bool Optional(string? value, string field, int maxLength) =>
        value is null || Check(value.Length <= maxLength, field, $"must be at most {maxLength} characters.");

    public bool MemberState([NotNullWhen(true)] string? code, string field) =>
        Required(code, field, 3) && Code(code, field, CodeLists.MemberStates);

    public bool Currency([NotNullWhen(true)] string? code, string field) =>
        Required(code, field, 3) && Code(code, field, CodeLists.Currencies);

    /// <summary>A code of a closed list; the problem names the allowed values (or the schema that lists them).</summary>
    public bool Code(string? code, string field, CodeList list) => Check(list.Contains(code), field, list.Unknown(code));

    /// <summary><see cref="Codes(IReadOnlyCollection{string}?, string, Func{string?, bool}, string, bool, int)"/> against a code list, whose problems name the allowed values.</summary>
    public bool Codes(IReadOnlyCollection<string>? codes, string field, CodeList list, bool allowEmpty = false, int max = 50) =>
        Codes(codes, field, list.Contains, list.Noun, allowEmpty, max, list.Unknown);

    /// <summary>Checks a list of codes against a reference table: required (unless <paramref name="allowEmpty"/>), no unknown codes, no repeats.</summary>
    public bool Codes(IReadOnlyCollection<string>? codes, string field, Func<string?, bool> known, string what, bool allowEmpty = false, int max = 50, Func<string?, string>? unknown = null)
    {
        if (codes is null || codes.Count == 0)
        {
            return allowEmpty || Check(false, field, $"must name at least one {what}.");
        }
        var ok = Check(codes.Count <= max, field, $"must name at most {max} items.");
        var i = 0;
        foreach (var code in codes)
        {
            ok &= Check(known(code), $"{field}[{i}]", unknown?.Invoke(code) ?? $"'{code}' is not a known {what}.");
            i++;
        }
        return ok & Check(codes.Distinct().Count() == codes.Count, field, "must not repeat a code.");
    }

    public bool Amount(decimal? amount, string field, bool allowZero = false)
    {
        if (amount is null)
        {
            Add(field, "is required.");
            return false;
        }
        return Check(allowZero ? amount >= 0 : amount > 0, field, allowZero ? "must not be negative." : "must be greater than zero.")
            && Check(amount <= 1_000_000_000_000m, field, "is too large.")
            && Check(decimal.Round(amount.Value, 6) == amount.Value, field, "must have at most 6 decimal places.");
    }

    /// <summary>
    /// An amount in a currency: positive, not too large, and exact at the currency's ISO 4217 minor units.
    /// An unknown currency is reported on its own field; the amount is then judged only as an amount.
    /// </summary>
    public bool Money(decimal? amount, string? currency, string field, bool allowZero = false)
    {
        if (!Amount(amount, field, allowZero))
        {
            return false;
        }
        if (!Reference.IsCurrency(currency))
        {
            return true;
        }
        var decimals = ReferenceData.Money.MinorUnits(currency!);
        return Check(ReferenceData.Money.IsExact(currency!, amount!.Value), field, decimals == 0
            ? $"must be a whole number: {currency} has no minor unit."
            : $"must have at most {decimals} decimal places ({currency} minor units).");
    }

    /// <summary>
    /// A required value, for building the typed command: when it is missing the field is reported and a
    /// placeholder returned, which no handler sees because <see cref="Yields"/> then answers the problem.
    /// </summary>
    public T Present<T>(T? value, string field, string message = "is required.")
        where T : struct
    {
        Check(value is not null, field, message);
        return value ?? default;
    }

    /// <summary>A required object (see <see cref="Present"/>); <paramref name="placeholder"/> stands in when it is missing.</summary>
    public T Present<T>(T? value, string field, T placeholder, string message = "is required.")
        where T : class
    {
        Check(value is not null, field, message);
        return value ?? placeholder;
    }

    /// <summary>A required text of at most <paramref name="maxLength"/> characters (see <see cref="Present"/>).</summary>
    public string Text(string? value, string field, int maxLength)
    {
        Required(value, field, maxLength);
        return value ?? "";
    }

    /// <summary>
    /// The one way a handler ends validation: the command built from the request when every field was valid,
    /// else the problem listing every invalid field.
    /// </summary>
    public bool Yields<T>(T candidate, [NotNullWhen(true)] out T? command, [NotNullWhen(false)] out ValidationProblem? problem)
        where T : class
    {
        command = IsValid ? candidate : null;
        problem = IsValid ? null : ToProblem();
        return IsValid;
    }

    /// <summary><see cref="Yields"/> for checks that build no command (query strings, lookups).</summary>
    public bool Passes([NotNullWhen(false)] out ValidationProblem? problem) => Yields(this, out _, out problem);

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        Errors,
        title: "One or more fields are invalid.",
        type: ProblemTypes.Validation);
}

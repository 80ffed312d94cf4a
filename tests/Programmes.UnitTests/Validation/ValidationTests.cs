using CsCheck;
using Programmes.RequestIntake;
using Programmes.ServiceDefaults;
using Xunit;

namespace Programmes.UnitTests.Validation;

/// <summary>The shared field checks and intake's own: every problem is listed, under the field the client sent.</summary>
public sealed class ValidationTests
{
    private static readonly Gen<string?> AnyText = Gen.String[Gen.Char[' ', '~'], 0, 12].Null(0.1);

    [Fact]
    public void Required_and_optional_texts_accept_exactly_the_non_blank_texts_within_their_length()
    {
        Gen.Select(AnyText, Gen.Int[1, 10]).Sample((text, max) =>
        {
            var required = new global::Programmes.ServiceDefaults.Validation();
            var ok = required.Required(text, "field", max);
            Assert.Equal(!string.IsNullOrWhiteSpace(text) && text.Length <= max, ok);
            Assert.Equal(ok, required.IsValid);

            var optional = new global::Programmes.ServiceDefaults.Validation();
            Assert.Equal(text is null || text.Length <= max, optional.Optional(text, "field", max));
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void Codes_list_every_unknown_code_by_its_index_and_refuse_repeats_and_long_lists()
    {
        string[] known = ["A", "B", "C"];
        Gen.OneOf("A", "B", "C", "X", "Y").Array[0, 6].Sample(codes =>
        {
            var validation = new global::Programmes.ServiceDefaults.Validation();
            var ok = validation.Codes(codes, "codes", c => known.Contains(c), "code", max: 4);
            var errors = validation.Errors;
            var unknown = codes.Select((c, i) => (c, i)).Where(x => !known.Contains(x.c)).Select(x => $"codes[{x.i}]").ToList();
            Assert.Equal(unknown, errors.Keys.Where(k => k.StartsWith("codes[", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            var listProblems = (codes.Length == 0 ? 1 : 0) + (codes.Length > 4 ? 1 : 0) + (codes.Distinct().Count() < codes.Length ? 1 : 0);
            Assert.Equal(listProblems, errors.TryGetValue("codes", out var messages) ? messages.Length : 0);
            Assert.Equal(unknown.Count == 0 && listProblems == 0, ok);
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void Amounts_are_positive_bounded_and_have_at_most_six_decimals()
    {
        Gen.Select(Gen.Int[-1_000_000, 1_000_000_000], Gen.Byte[0, 9], Gen.Bool).Sample((units, scale, allowZero) =>
        {
            var amount = new decimal(Math.Abs(units), 0, 0, units < 0, scale);
            var ok = new global::Programmes.ServiceDefaults.Validation().Amount(amount, "amount", allowZero);
            var decimals = decimal.Round(amount, 6) == amount;
            Assert.Equal((allowZero ? amount >= 0 : amount > 0) && decimals, ok);
        }, iter: Properties.Iterations);
        Assert.False(new global::Programmes.ServiceDefaults.Validation().Amount(null, "amount"));
        Assert.False(new global::Programmes.ServiceDefaults.Validation().Amount(1_000_000_000_001m, "amount"));
    }

    [Fact]
    public void Every_invalid_field_is_listed_at_once()
    {
        var validation = new global::Programmes.ServiceDefaults.Validation();
        validation.Required(null, "needs", 10);
        validation.MemberState("XXX", "stateCode");
        validation.Currency("usd", "currency");
        validation.Email("not an email", "contactEmail");
        validation.Phone("call me", "contactPhone");
        validation.Texts(["ok", " "], "questions", 10, 5, required: true);
        Assert.Equal(["contactEmail", "contactPhone", "currency", "needs", "questions[1]", "stateCode"], validation.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("focal.point@justice.go.ke", true)]
    [InlineData("a@b.c", true)]
    [InlineData("@justice.go.ke", false)]
    [InlineData("a@@b.c", false)]
    [InlineData("a@b.", false)]
    [InlineData("a@.b", false)]
    [InlineData("a b@c.d", false)]
    public void Email_addresses(string email, bool valid) =>
        Assert.Equal(valid, new global::Programmes.ServiceDefaults.Validation().Email(email, "contactEmail"));

    [Theory]
    [InlineData("+254 (20) 222-1234", true)]
    [InlineData("020.222.1234", true)]
    [InlineData("+-()", false)]
    [InlineData("ext 12", false)]
    public void Phone_numbers(string phone, bool valid) =>
        Assert.Equal(valid, new global::Programmes.ServiceDefaults.Validation().Phone(phone, "contactPhone"));
}

using System.Text;
using CsCheck;
using Programmes.ServiceDefaults;
using Xunit;

namespace Programmes.UnitTests.ServiceDefaults;

/// <summary>The shared check on query values and path segments: text is whatever PostgreSQL stores and a client can read back.</summary>
public sealed class RequestTextTests
{
    [Fact]
    public void Text_is_exactly_what_has_no_control_character_and_survives_UTF8()
    {
        // Any UTF-16 code units, lone surrogates and controls included.
        Gen.Char.Array[0, 40].Select(chars => new string(chars)).Sample(value =>
        {
            var survives = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)) == value;
            Assert.Equal(survives && !value.Any(char.IsControl), RequestText.IsText(value));
        }, iter: Properties.Iterations);
    }

    [Theory]
    [InlineData("KEN", true)]
    [InlineData("Nairobi 😀", true)]
    [InlineData("", true)]
    [InlineData("\0", false)]
    [InlineData("a\u0001b", false)]
    [InlineData("a\u007Fb", false)]
    [InlineData("a\u0085b", false)]
    public void Examples(string value, bool text) => Assert.Equal(text, RequestText.IsText(value));

    // Not as InlineData: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
    [Fact]
    public void Lone_surrogates_are_not_text_and_pairs_are()
    {
        Assert.False(RequestText.IsText("\ud800"));
        Assert.False(RequestText.IsText("a\udc00"));
        Assert.False(RequestText.IsText("\udc00\ud800"));
        Assert.True(RequestText.IsText("\ud83d\ude00"));
    }
}

using Programmes.Console.Localization;
using Xunit;

namespace Programmes.Console.Tests;

/// <summary>Every word of the console exists in the six official languages (no system needed).</summary>
public sealed class TextsTests
{
    [Fact]
    public void Every_resource_has_every_key_in_all_six_languages()
    {
        Assert.Equal(["en", "ar", "zh", "fr", "ru", "es"], Texts.Cultures);
        var english = Texts.All["en"].Keys.ToHashSet();
        foreach (var culture in Texts.Cultures)
        {
            var words = Texts.All[culture];
            Assert.Empty(english.Except(words.Keys));
            Assert.Empty(words.Keys.Except(english));
            Assert.All(words, word => Assert.False(string.IsNullOrWhiteSpace(word.Value), $"{culture}: {word.Key} is empty"));
        }
    }
}

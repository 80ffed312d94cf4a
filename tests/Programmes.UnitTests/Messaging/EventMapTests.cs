using Programmes.Messaging.Catalogue;
using Xunit;

namespace Programmes.UnitTests.Messaging;

/// <summary>
/// The README's event map is the catalogue's (<see cref="EventCatalogue.MarkdownMap"/>), which also makes the AsyncAPI
/// document. After a change to the catalogue, rewrite it with <c>PROGRAMMES_UPDATE_EVENT_MAP=1</c>.
/// </summary>
public sealed class EventMapTests
{
    private const string Start = "<!-- event-map: generated from shared/Programmes.Messaging/Catalogue/EventCatalogue.cs; do not edit by hand -->";
    private const string End = "<!-- end of event-map -->";

    [Fact]
    public void The_README_event_map_is_the_catalogue()
    {
        var readme = Path.Combine(Root(), "README.md");
        var text = File.ReadAllText(readme);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has no event-map markers.");
        var expected = text[..(start + Start.Length)] + "\n" + EventCatalogue.MarkdownMap() + text[end..];
        if (Environment.GetEnvironmentVariable("PROGRAMMES_UPDATE_EVENT_MAP") == "1")
        {
            File.WriteAllText(readme, expected);
        }
        Assert.Equal(expected, text);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Programmes.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Programmes.sln not found above " + AppContext.BaseDirectory);
    }
}

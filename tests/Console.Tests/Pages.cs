using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Programmes.Console.Tests;

/// <summary>What every page test checks the same way: accessibility, bytes, screenshots.</summary>
public static class Pages
{
    public const long FirstVisitBudget = 150 * 1024;
    public const long LaterPageBudget = 30 * 1024;

    /// <summary>axe-core's WCAG 2.x A and AA rules (2.2 included) find nothing on the page.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions
            {
                Type = "tag",
                Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            },
        });
        var violations = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"{page.Url}:\n{violations}");
    }

    /// <summary>Saves a screenshot for docs/console.md when the run is asked to (CONSOLE_SCREENSHOTS=path of docs/console).</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("CONSOLE_SCREENSHOTS");
        if (folder is { Length: > 0 })
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = false });
        }
    }

    /// <summary>The bytes the browser received for one navigation, as encoded on the wire (compressed), from Resource Timing.</summary>
    public static async Task<long> TransferredBytesAsync(this IPage page) =>
        Convert.ToInt64(await page.EvaluateAsync<double>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + e.transferSize, 0)"),
            CultureInfo.InvariantCulture);
}

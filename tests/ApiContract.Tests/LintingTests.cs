using Xunit;

namespace Programmes.ApiContract.Tests;

/// <summary>
/// Every published OpenAPI document passes both linters a partner's tooling is likely to run, with 0 errors:
/// Redocly's recommended rules and Spectral's spectral:oas (versions pinned in tools/package-lock.json).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LintingTests(PublishedDocuments documents)
{
    public static TheoryData<string> Names => new(PublishedDocuments.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Redocly_reports_no_errors(string name)
    {
        var outcome = await Linters.RedoclyAsync(documents.Files[name]);
        Assert.True(outcome.ExitCode == 0, $"redocly lint {name}.json exited {outcome.ExitCode}:\n{outcome.Output}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Spectral_reports_no_errors(string name)
    {
        var outcome = await Linters.SpectralAsync(documents.Files[name]);
        Assert.True(outcome.ExitCode == 0, $"spectral lint {name}.json exited {outcome.ExitCode}:\n{outcome.Output}");
    }
}

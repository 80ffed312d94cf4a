namespace Programmes.ApiContract.Tests;

/// <summary>Where the checked-in tools and generated files live, found from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Tools => Path.Combine(Root, "tests", "ApiContract.Tests", "tools");

    /// <summary>Where the fetched documents are written for a person to read after a run (gitignored).</summary>
    public static string Documents => Path.Combine(Root, "TestResults", "api-documents");

    private static string FindRoot()
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

using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Xunit;

namespace Programmes.ProgrammePlanning.Tests.ExportingIati;

/// <summary>
/// The IATI 2.03 schemas, read from outside the repository (they are not ours to copy):
/// <c>PROGRAMMES_IATI_SCHEMA_DIR</c> (absolute, or relative to the working or repository directory), else
/// <c>../shared/reference/iati-2.03</c> beside the repository.
/// </summary>
public static class IatiSchemas
{
    public const string Variable = "PROGRAMMES_IATI_SCHEMA_DIR";

    public static string Directory()
    {
        var root = RepositoryRoot();
        var configured = Environment.GetEnvironmentVariable(Variable);
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configured))
        {
            candidates.Add(Path.GetFullPath(configured));
            candidates.Add(Path.GetFullPath(Path.Combine(root, configured)));
        }
        candidates.Add(Path.GetFullPath(Path.Combine(root, "..", "shared", "reference", "iati-2.03")));
        var found = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "iati-activities-schema.xsd")));
        Assert.True(found is not null,
            $"The IATI 2.03 schemas (iati-activities-schema.xsd, iati-common.xsd, xml.xsd) were not found. Looked in: {string.Join(", ", candidates.Distinct())}. "
            + $"Set {Variable} to the folder that holds them (tests/run.sh sets ../shared/reference/iati-2.03); they are not copied into the repository.");
        return found!;
    }

    /// <summary>Validates against iati-activities-schema.xsd; returns every error and warning.</summary>
    public static List<string> Validate(XDocument document)
    {
        var directory = Directory();
        var schemas = new XmlSchemaSet { XmlResolver = new FolderResolver(directory) };
        using (var reader = XmlReader.Create(Path.Combine(directory, "iati-activities-schema.xsd"),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new FolderResolver(directory) }))
        {
            schemas.Add(null, reader);
        }
        schemas.Compile();
        var problems = new List<string>();
        document.Validate(schemas, (_, e) => problems.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})"));
        return problems;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Programmes.sln")))
            {
                return dir.FullName;
            }
        }
        return System.IO.Directory.GetCurrentDirectory();
    }

    /// <summary>Resolves every schema location (the include, and xml.xsd's web address) to a file in the folder: no network.</summary>
    private sealed class FolderResolver(string directory) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            File.OpenRead(Path.Combine(directory, Path.GetFileName(absoluteUri.AbsolutePath)));

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) =>
            new(Path.Combine(directory, Path.GetFileName(relativeUri ?? "")));
    }
}

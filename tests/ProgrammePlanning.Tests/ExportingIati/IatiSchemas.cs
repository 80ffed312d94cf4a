using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Xunit;

namespace Programmes.ProgrammePlanning.Tests.ExportingIati;

/// <summary>
/// The IATI 2.03 schemas, vendored under <c>ExportingIati/Schemas</c> (CC BY 4.0, see its README) and copied
/// beside the test assembly.
/// </summary>
public static class IatiSchemas
{
    public static string Directory()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "ExportingIati", "Schemas");
        Assert.True(File.Exists(Path.Combine(directory, "iati-activities-schema.xsd")),
            $"The vendored IATI 2.03 schemas were not copied to {directory}; check the test project's Content items.");
        return directory;
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

    /// <summary>Resolves every schema location (the include, and xml.xsd's web address) to a file in the folder: no network.</summary>
    private sealed class FolderResolver(string directory) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            File.OpenRead(Path.Combine(directory, Path.GetFileName(absoluteUri.AbsolutePath)));

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) =>
            new(Path.Combine(directory, Path.GetFileName(relativeUri ?? "")));
    }
}

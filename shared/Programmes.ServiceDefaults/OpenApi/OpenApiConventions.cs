using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Programmes.ServiceDefaults.OpenApi;

/// <summary>
/// One set of OpenAPI conventions for every process, so each document is complete without per-endpoint
/// boilerplate: names and summaries, every problem answer, headers, exact types, servers and security.
/// <c>Api:PublicUrl</c> is the gateway's public base URL (default http://localhost:5080) that clients call.
/// </summary>
public static class OpenApiConventions
{
    public const string DefaultPublicUrl = "http://localhost:5080";
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";
    public const string ProblemJson = "application/problem+json";

    public static IHostApplicationBuilder AddProgrammesOpenApi(this IHostApplicationBuilder builder)
    {
        var publicUrl = (builder.Configuration["Api:PublicUrl"] is { Length: > 0 } url ? url : DefaultPublicUrl).TrimEnd('/');
        var title = Title(builder.Environment.ApplicationName);
        builder.Services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<SchemaConventions>();
            options.AddOperationTransformer<OperationConventions>();
            options.AddOperationTransformer<PagingConventions>();
            options.AddDocumentTransformer(new DocumentConventions(publicUrl, title));
            options.AddDocumentTransformer<ClosedSetConventions>();
            options.AddDocumentTransformer<RequestConventions>();
            options.AddDocumentTransformer<ProblemConventions>();
        });
        return builder;
    }

    /// <summary>"Programmes.RequestIntake" → "Request intake".</summary>
    internal static string Title(string applicationName)
    {
        var name = applicationName.Split('.').Last();
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}

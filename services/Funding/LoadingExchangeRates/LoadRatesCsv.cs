using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Funding.Model;
using Programmes.Messaging.Idempotency;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.LoadingExchangeRates;

public static class LoadingExchangeRatesCsvEndpoint
{
    public const string Header = "currency,month,units_per_usd";

    public static IEndpointRouteBuilder MapLoadingExchangeRatesCsv(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/funding/exchange-rates/bulk", Handle)
            .RequireRoles(Roles.Staff)
            .Idempotent()
            .Accepts<string>("text/csv")
            .WithTags("Exchange rates");
        return app;
    }

    /// <summary>
    /// A month's UN operational rates as CSV (<c>currency,month,units_per_usd</c>, e.g. <c>NOK,2026-01,10.52</c>).
    /// All or nothing: one bad line rejects the file, naming every bad line.
    /// </summary>
    private static async Task<Results<Ok<RatesLoaded>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest request, RateLoader loader, CancellationToken cancellationToken)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(title: "The request body must be text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType,
                type: ProblemTypes.UnsupportedMediaType);
        }
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var rows = text.Split('\n').Select(l => l.Trim()).ToList();
        var validation = new Validation();
        var lines = new List<RateLine>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length == 0 || (i == 0 && rows[i].Equals(Header, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var cells = rows[i].Split(',').Select(c => c.Trim()).ToArray();
            var prefix = $"line {i + 1}: ";
            if (!validation.Check(cells.Length == 3, prefix.TrimEnd(' ', ':'), $"must have 3 cells ({Header})."))
            {
                continue;
            }
            decimal? units = decimal.TryParse(cells[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            if (units is null)
            {
                validation.Add(prefix + "unitsPerUsd", $"'{cells[2]}' is not a decimal number.");
                continue;
            }
            if (LoadingExchangeRateEndpoint.Validate(validation, cells[0], cells[1], units, prefix) is { } line)
            {
                lines.Add(line);
            }
        }
        validation.Check(lines.Select(l => (l.Currency, l.Month)).Distinct().Count() == lines.Count, "$", "names one currency and month twice.");
        validation.Check(lines.Count > 0 || !validation.IsValid, "$", $"holds no rates; send CSV lines '{Header}'.");
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var loaded = await loader.LoadAsync(lines, cancellationToken);
        return loaded.Conflicts.Count > 0 ? Problem.Conflict(string.Join(" ", loaded.Conflicts)) : TypedResults.Ok(loaded);
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.Messaging.Idempotency;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.LoadingExchangeRates;

/// <summary>A rate as sent and shown: <c>month</c> is "yyyy-MM", <c>unitsPerUsd</c> the UN operational rate.</summary>
public sealed record LoadRate(string? Currency, string? Month, decimal? UnitsPerUsd);

public sealed record ExchangeRateView(string Currency, string Month, decimal UnitsPerUsd, DateTimeOffset LoadedAt);

public static class LoadingExchangeRateEndpoint
{
    public static IEndpointRouteBuilder MapLoadingExchangeRate(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/funding/exchange-rates", Handle).RequireRoles(Roles.Staff).Idempotent().WithTags("Exchange rates");
        app.MapGet("/api/funding/exchange-rates", List).RequireRoles(Roles.Staff, Roles.Donor).WithTags("Exchange rates");
        return app;
    }

    private static async Task<Results<Ok<RatesLoaded>, ValidationProblem, ProblemHttpResult>> Handle(
        LoadRate body, RateLoader loader, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var line = Validate(validation, body.Currency, body.Month, body.UnitsPerUsd, "");
        if (line is null)
        {
            return validation.ToProblem();
        }
        var loaded = await loader.LoadAsync([line], cancellationToken);
        return loaded.Conflicts.Count > 0 ? Problem.Conflict(loaded.Conflicts[0]) : TypedResults.Ok(loaded);
    }

    private static async Task<Results<Ok<ListPage<ExchangeRateView>>, ValidationProblem>> List(
        string? currency, FundingDb db, CancellationToken cancellationToken, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var rates = await db.ExchangeRates.AsNoTracking()
            .Where(r => currency == null || r.Currency == currency)
            .OrderBy(r => r.Currency).ThenByDescending(r => r.Month)
            .ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(rates.Select(r => new ExchangeRateView(r.Currency, r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.UnitsPerUsd, r.LoadedAt)));
    }

    /// <summary>Checks one rate; <paramref name="prefix"/> names the CSV line, so every bad field of every line is reported.</summary>
    internal static RateLine? Validate(Validation validation, string? currency, string? month, decimal? unitsPerUsd, string prefix)
    {
        var ok = validation.Currency(currency, prefix + "currency")
            && validation.Check(currency != Conversion.Usd, prefix + "currency", "USD is the base currency; it needs no rate.");
        var monthOk = validation.Required(month, prefix + "month", 7)
            & validation.Check(DateOnly.TryParseExact($"{month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first),
                prefix + "month", "must be a month as yyyy-MM.");
        var rateOk = validation.Amount(unitsPerUsd, prefix + "unitsPerUsd")
            && validation.Check(unitsPerUsd is >= Money.MinRate and <= Money.MaxRate, prefix + "unitsPerUsd",
                $"must lie between {Money.MinRate} and {Money.MaxRate} units per US dollar.");
        return ok && monthOk && rateOk ? new RateLine(currency!, first, unitsPerUsd!.Value) : null;
    }
}

using Programmes.Auditing;
using Programmes.Funding.AllocatingFunds;
using Programmes.Funding.LoadingExchangeRates;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.Funding.ReadingStatements;
using Programmes.Funding.ReceivingPayment;
using Programmes.Funding.RecordingInKind;
using Programmes.Funding.RecordingPledge;
using Programmes.Funding.RegisteringDonor;
using Programmes.Funding.ViewingContributions;
using Programmes.Funding.ViewingFundingStatus;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.Funding;

/// <summary>The service's table of contents: what it is made of and which use cases it offers.</summary>
public static class FundingService
{
    public const string Name = "funding";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(FundingService).Assembly.GetName().Name,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceDefaults();
        builder.AddOperationDocs(FundingOperations.Descriptions);
        builder.AddTokenValidation();
        builder.AddServiceDatabase<FundingDb>();
        builder.AddAudit<FundingDb>(Name, FundingAudit.Track);
        builder.AddMessaging<FundingDb>(Name, consumers =>
        {
            consumers.AddConsumer<ProgrammeBudgetedConsumer>();
        });
        builder.AddIdempotency<FundingDb>();
        builder.Services.Configure<FundingOptions>(builder.Configuration.GetSection("Funding"));
        builder.Services.AddScoped<Allocator>();
        builder.Services.AddScoped<RateLoader>();
        builder.Services.AddHostedService<DemoDonorSeeding>();
        builder.AddDatabaseGauges(
            new DatabaseGauge("programmes.funding.gap", "Budget not yet covered by allocations, over all budgeted programmes",
                "SELECT coalesce(sum(budget_usd - allocated_usd), 0) FROM programmes WHERE budget_usd > allocated_usd", Unit: "USD"),
            new DatabaseGauge("programmes.funding.programmes_with_gap", "Budgeted programmes not fully funded",
                "SELECT count(*) FROM programmes WHERE budget_usd > allocated_usd"));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRequestBodyBuffering();
        app.MapServiceDefaults();
        app.MapRegisteringDonor();
        app.MapUpdatingDonor();
        app.MapViewingDonors();
        app.MapReadingStatement();
        app.MapRecordingPledge();
        app.MapReceivingPayment();
        app.MapRecordingInKind();
        app.MapViewingContributions();
        app.MapLoadingExchangeRate();
        app.MapLoadingExchangeRatesCsv();
        app.MapViewingFundingStatus();
        app.MapAuditTrail<FundingDb>("/api/funding/audit", Roles.Donor);
        return app;
    }
}

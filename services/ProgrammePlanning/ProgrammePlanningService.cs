using Programmes.Auditing;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.ProgrammePlanning.ChangingProgrammeStatus;
using Programmes.ProgrammePlanning.ClearingProgramme;
using Programmes.ProgrammePlanning.DeliveringActivity;
using Programmes.ProgrammePlanning.DraftingProgramme;
using Programmes.ProgrammePlanning.ExportingIati;
using Programmes.ProgrammePlanning.FundingProgramme;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ProgrammePlanning.PlanningActivities;
using Programmes.ProgrammePlanning.PlanningIntake;
using Programmes.ProgrammePlanning.ProposingProgramme;
using Programmes.ProgrammePlanning.RecordingResults;
using Programmes.ProgrammePlanning.ReportingImplementation;
using Programmes.ProgrammePlanning.ReviewingProgramme;
using Programmes.ProgrammePlanning.ViewingProgrammes;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning;

/// <summary>The service's table of contents: what it is made of and which use cases it offers.</summary>
public static class ProgrammePlanningService
{
    public const string Name = "planning";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(ProgrammePlanningService).Assembly.GetName().Name,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceDefaults();
        builder.AddOperationDocs(PlanningOperations.Descriptions);
        builder.AddTokenValidation();
        builder.AddServiceDatabase<PlanningDb>();
        builder.AddAudit<PlanningDb>(Name, PlanningAudit.Track);
        builder.AddMessaging<PlanningDb>(Name, consumers =>
        {
            // Intake: what is requested and accepted.
            consumers.AddConsumer<AssistanceRequestSubmittedConsumer>();
            consumers.AddConsumer<AssistanceRequestAcceptedConsumer>();
            // Coordination: partner clearance and joint initiatives.
            consumers.AddConsumer<ProgrammeClearedConsumer>();
            consumers.AddConsumer<ProgrammeClearanceRaisedConcernsConsumer>();
            consumers.AddConsumer<JointInitiativeRecordedConsumer>();
            // Funding: the funded fact and the money behind it.
            consumers.AddConsumer<ProgrammeFullyFundedConsumer>();
            consumers.AddConsumer<ProgrammeFundingGapOpenedConsumer>();
            consumers.AddConsumer<FundsAllocatedConsumer>();
            consumers.AddConsumer<FundsReleasedConsumer>();
            consumers.AddConsumer<PledgeRecordedConsumer>();
            consumers.AddConsumer<PaymentReceivedConsumer>();
            // The ratification tracker: ratifications that followed a programme.
            consumers.AddConsumer<RatificationStatusChangedConsumer>();
        });
        builder.AddIdempotency<PlanningDb>();
        builder.AddDatabaseGauges(
            new DatabaseGauge("programmes.planning.programmes", "Programmes by status", "SELECT status, count(*) FROM programmes GROUP BY status", "status"));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRequestBodyBuffering();
        app.MapServiceDefaults();
        app.MapListingIntakeItems();
        app.MapDraftingProgramme();
        app.MapPlanningActivities();
        app.MapSettingMarkers();
        app.MapRecordingComplianceReview();
        app.MapProposingProgramme();
        app.MapResolvingConcerns();
        app.MapChangingProgrammeStatus();
        app.MapDeliveringActivity();
        app.MapRecordingResults();
        app.MapViewingProgrammes();
        app.MapReportingImplementation();
        app.MapExportingIati();
        app.MapAuditTrail<PlanningDb>("/api/planning/audit", Roles.State);
        return app;
    }
}

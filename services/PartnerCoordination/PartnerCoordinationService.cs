using Programmes.Auditing;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.PartnerCoordination.ClearingProgramme;
using Programmes.PartnerCoordination.DeclaringActivities;
using Programmes.PartnerCoordination.DeliveringWebhooks;
using Programmes.PartnerCoordination.ManagingEndpoints;
using Programmes.PartnerCoordination.ManagingPartners;
using Programmes.PartnerCoordination.Persistence;
using Programmes.PartnerCoordination.RecordingJointInitiatives;
using Programmes.PartnerCoordination.ReferringNeeds;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.PartnerCoordination;

/// <summary>The service's table of contents: what it is made of and which use cases it offers.</summary>
public static class PartnerCoordinationService
{
    public const string Name = "coordination";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(PartnerCoordinationService).Assembly.GetName().Name,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceDefaults();
        builder.AddOperationDocs(CoordinationOperations.Descriptions);
        builder.AddTokenValidation();
        builder.AddServiceDatabase<CoordinationDb>();
        builder.AddAudit<CoordinationDb>(Name, CoordinationAudit.Track);
        builder.AddMessaging<CoordinationDb>(Name, consumers =>
        {
            consumers.AddConsumer<ProgrammeProposedConsumer>();
        });
        builder.AddIdempotency<CoordinationDb>();
        builder.Services.Configure<ClearanceOptions>(builder.Configuration.GetSection("Clearance"));
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("Webhooks"));
        builder.Services.AddHostedService<PartnerSeeding>();
        builder.Services.AddHostedService<ClearanceDeadlineWatch>();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.AddDatabaseGauges(
            new DatabaseGauge("programmes.coordination.webhook_deliveries", "Webhook deliveries not (yet) delivered, by status",
                "SELECT status, count(*) FROM webhook_deliveries WHERE status <> 'Succeeded' GROUP BY status", "status"),
            new DatabaseGauge("programmes.coordination.open_rounds", "Clearance rounds waiting for partners' answers",
                "SELECT count(*) FROM clearance_rounds WHERE status = 'Open'"));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRequestBodyBuffering();
        app.MapServiceDefaults();
        app.MapManagingPartners();
        app.MapManagingEndpoints();
        app.MapDeliveryLog();
        app.MapReferringNeeds();
        app.MapDeclaringActivities();
        app.MapViewingRounds();
        app.MapAnsweringRound();
        app.MapRecordingJointInitiatives();
        app.MapAuditTrail<CoordinationDb>("/api/coordination/audit", Roles.Partner);
        return app;
    }
}

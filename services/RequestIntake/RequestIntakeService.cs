using Programmes.Auditing;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.RequestIntake.AnsweringQuestions;
using Programmes.RequestIntake.EndorsingReferral;
using Programmes.RequestIntake.FollowingProgrammes;
using Programmes.RequestIntake.MaintainingCentralAuthorities;
using Programmes.RequestIntake.Persistence;
using Programmes.RequestIntake.ReferringFromCted;
using Programmes.RequestIntake.ScreeningRequest;
using Programmes.RequestIntake.SearchingCentralAuthorities;
using Programmes.RequestIntake.SubmittingRequest;
using Programmes.RequestIntake.TrackingRatifications;
using Programmes.RequestIntake.ViewingRequests;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake;

/// <summary>The service's table of contents: what it is made of and which use cases it offers.</summary>
public static class RequestIntakeService
{
    public const string Name = "intake";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(RequestIntakeService).Assembly.GetName().Name,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceDefaults();
        builder.AddTokenValidation();
        builder.AddServiceDatabase<IntakeDb>();
        builder.AddAudit<IntakeDb>(Name, IntakeAudit.Track);
        builder.AddMessaging<IntakeDb>(Name, consumers =>
        {
            consumers.AddConsumer<CtedReferralSharedConsumer>();
            consumers.AddConsumer<ProgrammeProposedTimelineConsumer>();
            consumers.AddConsumer<ProgrammeClearedTimelineConsumer>();
            consumers.AddConsumer<ProgrammeFullyFundedTimelineConsumer>();
            consumers.AddConsumer<ProgrammeApprovedTimelineConsumer>();
            consumers.AddConsumer<ActivityDeliveredTimelineConsumer>();
            consumers.AddConsumer<ProgrammeStatusChangedTimelineConsumer>();
        });
        builder.AddIdempotency<IntakeDb>();
        builder.AddDatabaseGauges(
            new DatabaseGauge("programmes.intake.requests", "Assistance requests by status", "SELECT status, count(*) FROM assistance_requests GROUP BY status", "status"));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRequestBodyBuffering();
        app.MapServiceDefaults();
        app.MapSubmittingRequest();
        app.MapViewingRequests();
        app.MapScreeningRequest();
        app.MapAnsweringQuestions();
        app.MapSubmittingReferral();
        app.MapEndorsingReferral();
        app.MapMaintainingCentralAuthorities();
        app.MapSearchingCentralAuthorities();
        app.MapTrackingRatifications();
        app.MapAuditTrail<IntakeDb>("/api/intake/audit", Roles.State, Roles.Partner);
        return app;
    }
}

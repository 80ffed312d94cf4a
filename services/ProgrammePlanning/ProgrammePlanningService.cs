using Programmes.Messaging;
using Programmes.ProgrammePlanning.PlanningIntake;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

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
        builder.AddTokenValidation();
        builder.AddServiceDatabase<PlanningDb>();
        builder.AddMessaging<PlanningDb>(Name, consumers =>
        {
            consumers.AddConsumer<AssistanceRequestSubmittedConsumer>();
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapListingIntakeItems();
        return app;
    }
}

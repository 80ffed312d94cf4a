using Programmes.Messaging;
using Programmes.RequestIntake.SubmittingRequest;
using Programmes.RequestIntake.Persistence;
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
        builder.AddMessaging<IntakeDb>(Name, consumers =>
        {
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapSubmittingRequest();
        return app;
    }
}

using Programmes.Messaging;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ServiceDefaults;

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
        builder.AddTokenValidation();
        builder.AddServiceDatabase<CoordinationDb>();
        builder.AddMessaging<CoordinationDb>(Name, consumers =>
        {
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapServiceDefaults();
        return app;
    }
}

using Programmes.Messaging;
using Programmes.Funding.Persistence;
using Programmes.ServiceDefaults;

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
        builder.AddTokenValidation();
        builder.AddServiceDatabase<FundingDb>();
        builder.AddMessaging<FundingDb>(Name, consumers =>
        {
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapServiceDefaults();
        return app;
    }
}

using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Programmes.Console.Api;

namespace Programmes.Console.Extensions;

public static class ApiExtensions
{
    /// <summary>The typed API clients: every call goes to the gateway with the signed-in person's own access token.</summary>
    public static WebApplicationBuilder AddConsoleApi(this WebApplicationBuilder builder)
    {
        var gateway = SignInExtensions.GatewayUrl(builder.Configuration);
        builder.Services.AddTransient<UserTokenHandler>();
        builder.Services.AddHttpClient<ProgrammesApi>(client =>
            {
                client.BaseAddress = gateway;
                client.Timeout = TimeSpan.FromSeconds(30);
            })
            .AddHttpMessageHandler<UserTokenHandler>();
        builder.Services.AddScoped<IntakeApi>();
        return builder;
    }

    /// <summary>Adds the access token of the request's signed-in person (refreshed by <see cref="TokenRefresh"/>).</summary>
    private sealed class UserTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (accessor.HttpContext is { } context && await context.GetTokenAsync("access_token") is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;

namespace Programmes.Gateway.Clients;

/// <summary>
/// Gives OpenIddict's server only the requests it serves. As an authentication request handler it is asked by the
/// authentication middleware about every request, and it parses the request's URL against each of its endpoints to
/// answer no: under load that was about 4 KB per proxied call (docs/performance.md). The scheme provider hides it
/// from that middleware, and <see cref="HandleAsync"/> asks it only for its own paths: the token endpoint and the
/// discovery documents (configuration and signing keys) the services read.
/// </summary>
internal sealed class TokenServerRequests(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;
    private AuthenticationScheme[]? _others;

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync() =>
        _others ??= [.. (await base.GetRequestHandlerSchemesAsync()).Where(s => s.Name != Scheme)];

    public static bool AreServedAt(PathString path) => path.StartsWithSegments("/connect") || path.StartsWithSegments("/.well-known");

    public static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        if (AreServedAt(context.Request.Path)
            && await context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>().GetHandlerAsync(context, Scheme)
                is IAuthenticationRequestHandler server
            && await server.HandleRequestAsync())
        {
            return;
        }
        await next(context);
    }
}

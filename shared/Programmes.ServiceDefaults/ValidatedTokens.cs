using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Programmes.ServiceDefaults;

/// <summary>
/// Access tokens this process has already validated in full (signature, issuer, audience, lifetime), each kept with
/// its principal until the moment its lifetime check would fail. A client sends the same token on every call until
/// it expires, and parsing it, checking its signature and building its claims again was half of what a
/// service allocated per request (docs/performance.md). The key is the whole encoded token, signature included,
/// so only a byte-identical token validated before is accepted; anything else is validated in full. Services
/// never checked revocation (the gateway does), so this accepts exactly the tokens validation would accept, except
/// that a token stays accepted until it expires even if its signing key leaves the gateway's key set meanwhile.
/// </summary>
public sealed class ValidatedTokens(TimeProvider time, TimeSpan clockSkew, int capacity = 10_000)
{
    private const string Bearer = "Bearer ";

    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset AcceptedUntil);

    public int Count => _tokens.Count;

    /// <summary>Wires the cache into JwtBearer: answer from it before validating, remember what validation accepted.</summary>
    public void Attach(JwtBearerOptions options)
    {
        var events = options.Events ?? new JwtBearerEvents();
        var received = events.OnMessageReceived;
        var validated = events.OnTokenValidated;
        events.OnMessageReceived = async context =>
        {
            await received(context);
            if (context.Result is null && TryGet(context.Request.Headers.Authorization.ToString(), out var principal))
            {
                context.Principal = principal;
                context.Success();
            }
        };
        events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (context.Result is null && context.SecurityToken is JsonWebToken token)
            {
                Remember(token.EncodedToken, context.Principal!, token.ValidTo);
            }
        };
        options.Events = events;
    }

    /// <summary>The principal of a validated, unexpired token in an <c>Authorization: Bearer</c> header value.</summary>
    public bool TryGet(string? authorization, out ClaimsPrincipal principal)
    {
        principal = null!;
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Looked up by span: no substring per request.
        var token = authorization.AsSpan(Bearer.Length).Trim();
        if (!_tokens.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out var entry))
        {
            return false;
        }
        if (time.GetUtcNow() > entry.AcceptedUntil)
        {
            _tokens.TryRemove(token.ToString(), out _);
            return false;
        }
        principal = entry.Principal;
        return true;
    }

    /// <summary>Remembers a token that validation accepted, until its expiry plus the clock skew validation allows.</summary>
    public void Remember(string token, ClaimsPrincipal principal, DateTime validTo)
    {
        if (validTo == DateTime.MinValue)
        {
            return; // no expiry: validate every time rather than keep it forever
        }
        var now = time.GetUtcNow();
        if (_tokens.Count >= capacity)
        {
            foreach (var (key, entry) in _tokens)
            {
                if (now > entry.AcceptedUntil)
                {
                    _tokens.TryRemove(key, out _);
                }
            }
            if (_tokens.Count >= capacity)
            {
                return; // full of live tokens: validate the rest each time instead of growing without bound
            }
        }
        _tokens[token] = new Entry(principal, new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc)) + clockSkew);
    }
}

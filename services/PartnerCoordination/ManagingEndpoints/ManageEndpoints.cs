using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Programmes.Messaging.Idempotency;
using Programmes.PartnerCoordination.DeliveringWebhooks;
using Programmes.PartnerCoordination.ManagingPartners;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.PartnerCoordination.ManagingEndpoints;

public sealed record EndpointRequest(string? Url, List<string>? EventTypes)
{
    public bool TryValidate([NotNullWhen(true)] out EndpointTarget? target, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        if (v.Required(Url, "url", 2000))
        {
            v.Check(Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && string.IsNullOrEmpty(uri.UserInfo), "url", "must be an absolute http(s) URL without credentials.");
        }
        v.Codes(EventTypes, "eventTypes", WebhookEventTypes.IsKnown, $"event type ({string.Join(", ", WebhookEventTypes.All)})");
        return v.Yields(new EndpointTarget(Url ?? "", EventTypes ?? []), out target, out problem);
    }
}

/// <summary>Where a partner's webhooks go and which events they carry, once valid.</summary>
public sealed record EndpointTarget(string Url, List<string> EventTypes);

public sealed record RotateSecret([property: NotRequired] int? GraceHours);

/// <summary>An endpoint as listed; <see cref="Secret"/> is shown only when it was just created or rotated.</summary>
public sealed record EndpointView(Guid Id, string PartnerCode, string Url, IReadOnlyList<string> EventTypes, bool Enabled,
    DateTimeOffset? FailingSince, DateTimeOffset? DisabledAt, string? DisabledReason, DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt, string? Secret = null)
{
    public static EndpointView From(WebhookEndpoint e, bool withSecret = false) => new(e.Id, e.PartnerCode, e.Url, e.EventTypes,
        e.IsEnabled, e.FailingSince, e.DisabledAt, e.DisabledReason, e.PreviousSecretExpiresAt, e.CreatedAt, withSecret ? e.Secret : null);
}

public static class ManagingEndpointsEndpoints
{
    public static IEndpointRouteBuilder MapManagingEndpoints(this IEndpointRouteBuilder app)
    {
        var endpoints = app.MapGroup("/api/coordination/partners/{code}/endpoints").WithTags("Webhook endpoints")
            .RequireRoles(Roles.Partner, Roles.Staff);
        endpoints.MapGet("", List);
        endpoints.MapPost("", Create).Idempotent(required: false);
        endpoints.MapGet("/{id:guid}", Get);
        endpoints.MapPut("/{id:guid}", Update);
        endpoints.MapPost("/{id:guid}/rotate-secret", Rotate);
        endpoints.MapPost("/{id:guid}/enable", Enable);
        endpoints.MapDelete("/{id:guid}", Delete);
        return app;
    }

    private static async Task<Results<Ok<ListPage<EndpointView>>, ValidationProblem, ProblemHttpResult>> List(
        string code, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        if (!await PartnerVisibleAsync(code, user, db, cancellationToken))
        {
            return Problem.NotFound("The partner");
        }
        var list = await db.WebhookEndpoints.AsNoTracking().Where(e => e.PartnerCode == code).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(list.Select(e => EndpointView.From(e)));
    }

    private static async Task<Results<Created<EndpointView>, ValidationProblem, ProblemHttpResult>> Create(
        string code, EndpointRequest body, ClaimsPrincipal user, CoordinationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await PartnerVisibleAsync(code, user, db, cancellationToken))
        {
            return Problem.NotFound("The partner");
        }
        if (!body.TryValidate(out var target, out var invalid))
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(now),
            PartnerCode = code,
            Url = target.Url,
            EventTypes = target.EventTypes,
            Secret = WebhookSignature.NewSecret(),
            CreatedAt = now,
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/coordination/partners/{code}/endpoints/{endpoint.Id}", EndpointView.From(endpoint, withSecret: true));
    }

    /// <summary>The endpoint a 201's Location names (without its secret, which only creation and rotation show).</summary>
    private static async Task<Results<Ok<EndpointView>, ProblemHttpResult>> Get(string code, Guid id, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken) =>
        await FindAsync(code, id, user, db, cancellationToken) is { } endpoint ? TypedResults.Ok(EndpointView.From(endpoint)) : Problem.NotFound("The webhook endpoint");

    private static async Task<Results<Ok<EndpointView>, ValidationProblem, ProblemHttpResult>> Update(
        string code, Guid id, EndpointRequest body, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken)
    {
        var endpoint = await FindAsync(code, id, user, db, cancellationToken);
        if (endpoint is null)
        {
            return Problem.NotFound("The webhook endpoint");
        }
        if (!body.TryValidate(out var target, out var invalid))
        {
            return invalid;
        }
        endpoint.Url = target.Url;
        endpoint.EventTypes = target.EventTypes;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EndpointView.From(endpoint));
    }

    private static async Task<Results<Ok<EndpointView>, ValidationProblem, ProblemHttpResult>> Rotate(
        string code, Guid id, RotateSecret? body, ClaimsPrincipal user, CoordinationDb db, TimeProvider clock,
        IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Check(body?.GraceHours is null or >= 0 and <= 24 * 14, "graceHours", "must be between 0 and 336.");
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var endpoint = await FindAsync(code, id, user, db, cancellationToken);
        if (endpoint is null)
        {
            return Problem.NotFound("The webhook endpoint");
        }
        var grace = body?.GraceHours is { } hours ? TimeSpan.FromHours(hours) : options.Value.SecretGrace;
        endpoint.PreviousSecret = endpoint.Secret;
        endpoint.PreviousSecretExpiresAt = clock.GetUtcNow() + grace;
        endpoint.Secret = WebhookSignature.NewSecret();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EndpointView.From(endpoint, withSecret: true));
    }

    private static async Task<Results<Ok<EndpointView>, ProblemHttpResult>> Enable(
        string code, Guid id, ClaimsPrincipal user, CoordinationDb db, WebhookSignal signal, CancellationToken cancellationToken)
    {
        var endpoint = await FindAsync(code, id, user, db, cancellationToken);
        if (endpoint is null)
        {
            return Problem.NotFound("The webhook endpoint");
        }
        endpoint.DisabledAt = null;
        endpoint.DisabledReason = null;
        endpoint.FailingSince = null;
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Ok(EndpointView.From(endpoint));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string code, Guid id, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken)
    {
        var endpoint = await FindAsync(code, id, user, db, cancellationToken);
        if (endpoint is null)
        {
            return Problem.NotFound("The webhook endpoint");
        }
        // Its pending deliveries stop with it; the delivery log stays for the record.
        await db.WebhookDeliveries.Where(d => d.EndpointId == id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed), cancellationToken);
        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<bool> PartnerVisibleAsync(string code, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken) =>
        user.GetCaller().CanActFor(code) && await db.Partners.AnyAsync(p => p.Code == code, cancellationToken);

    internal static async Task<WebhookEndpoint?> FindAsync(string code, Guid id, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken) =>
        user.GetCaller().CanActFor(code)
            ? await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id && e.PartnerCode == code, cancellationToken)
            : null;
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Programmes.ServiceDefaults;

namespace Programmes.Auditing;

public static class AuditExtensions
{
    /// <summary>
    /// Audits <typeparamref name="TDbContext"/>: every SaveChanges that adds, changes or removes a tracked entity
    /// adds one entry per such entity to the same transaction. Each command's OpenAPI entry says so.
    /// </summary>
    public static IHostApplicationBuilder AddAudit<TDbContext>(this IHostApplicationBuilder builder, string serviceName,
        Action<AuditRules<TDbContext>> track) where TDbContext : DbContext
    {
        var rules = new AuditRules<TDbContext> { ServiceName = serviceName };
        track(rules);
        builder.Services.AddSingleton(rules);
        builder.Services.AddSingleton<AuditInterceptor<TDbContext>>();
        builder.Services.ConfigureDbContext<TDbContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<AuditInterceptor<TDbContext>>()));
        builder.Services.Configure<OpenApiOptions>("v1", options => options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.HttpMethod is not ("GET" or "HEAD" or null))
            {
                var action = AuditActor.ActionOf(context.Description.ActionDescriptor.EndpointMetadata, context.Description.HttpMethod,
                    context.Description.RelativePath);
                var note = $"Audit: each object this changes is recorded as action `{action}` with the caller as actor "
                    + $"(read it with `GET /api/{serviceName}/audit?action={action}`).";
                operation.Description = string.IsNullOrEmpty(operation.Description) ? note : $"{operation.Description}\n\n{note}";
            }
            return Task.CompletedTask;
        }));
        return builder;
    }
}

/// <summary>Adds the audit entries of a SaveChanges to the changes it saves, so both commit or neither does.</summary>
internal sealed class AuditInterceptor<TDbContext>(AuditRules<TDbContext> rules) : SaveChangesInterceptor where TDbContext : DbContext
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        // One DetectChanges: Entries() would run another over every tracked entity (docs/performance.md).
        context.ChangeTracker.DetectChanges();
        var entries = rules.EntriesFor(context.ChangeTracker.WithoutDetectingChanges(t => t.Entries().ToList()), DateTimeOffset.UtcNow).ToList();
        context.Set<AuditEntry>().AddRange(entries);
    }
}

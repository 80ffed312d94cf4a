using MassTransit;
using MassTransit.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Funding;
using Programmes.PartnerCoordination;
using Programmes.ProgrammePlanning;
using Programmes.RequestIntake;
using Xunit;

namespace Programmes.UnitTests.Messaging;

/// <summary>
/// Consumer class names decide RabbitMQ queue names. A rename that changed a queue would strand the messages
/// waiting in the old queue on upgrade, so every service's queues are compared with the checked-in list.
/// A deliberate change of queue names edits <c>Queues.txt</c> and says in the release notes how to drain the old ones.
/// </summary>
public sealed class QueueNameTests
{
    // Building a service only registers it; nothing connects to these addresses.
    private static readonly string[] Args =
    [
        "--ConnectionStrings:Database=Host=localhost;Database=none",
        "--ConnectionStrings:RabbitMq=amqp://localhost:5672",
        "--Auth:Authority=http://localhost",
    ];

    [Fact]
    public async Task Every_service_keeps_its_queue_names()
    {
        // All four stay alive until the end: disposing one service's host disposes a logger factory the next one's build uses.
        WebApplication[] apps =
        [
            RequestIntakeService.Build(Args),
            ProgrammePlanningService.Build(Args),
            PartnerCoordinationService.Build(Args),
            FundingService.Build(Args),
        ];
        var queues = apps.SelectMany(app => QueuesOf(app.Services)).ToList();
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }

        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Messaging", "Queues.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'));
        Assert.Equal(expected.Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
    }

    /// <summary>The queue names as MassTransit's ConfigureEndpoints derives them: per consumer, its definition's endpoint name.</summary>
    private static IEnumerable<string> QueuesOf(IServiceProvider services)
    {
        var context = services.GetRequiredService<IBusRegistrationContext>();
        var formatter = services.GetRequiredService<IEndpointNameFormatter>();
        return services.GetServices<IConsumerRegistration>().Select(r => r.GetDefinition(context).GetEndpointName(formatter));
    }
}

using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Testing;

namespace Programmes.Reliability.Tests.KillingAConsumer;

/// <summary>
/// Planning stops without draining, as a killed process would: deliveries in flight are cancelled at
/// once and left unacknowledged, so the broker hands them to the next instance.
/// </summary>
public sealed class NoDrainSystem : ReliabilitySystem
{
    public NoDrainSystem() => Configure = (service, builder) =>
    {
        if (service == Services.Planning)
        {
            builder.Services.Configure<MassTransitHostOptions>(options =>
            {
                options.ConsumerStopTimeout = TimeSpan.FromMilliseconds(1);
                options.StopTimeout = TimeSpan.FromSeconds(10);
            });
        }
    };
}

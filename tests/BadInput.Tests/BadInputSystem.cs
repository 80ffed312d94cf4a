using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Testing;

namespace Programmes.BadInput.Tests;

/// <summary>The gateway and all four services; the corpus reaches every service through the gateway.</summary>
public sealed class BadInputSystem : TestSystem
{
    /// <summary>Publishes a fact as its producing service would (any app's bus is on the same virtual host).</summary>
    public Task PublishAsync<T>(T message) where T : class =>
        ServiceApps[Services.Planning].Services.GetRequiredService<IBus>().Publish(message);
}

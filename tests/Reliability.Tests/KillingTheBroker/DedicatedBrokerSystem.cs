using Programmes.Testing;
using Testcontainers.RabbitMq;

namespace Programmes.Reliability.Tests.KillingTheBroker;

/// <summary>A RabbitMQ of this class's own (the shared one serves other classes), on a fixed host port.</summary>
public sealed class DedicatedBrokerSystem : ReliabilitySystem
{
    public RabbitMqContainer Broker { get; } = Infrastructure.Labelled(new RabbitMqBuilder(Infrastructure.RabbitMqImage))
        .WithUsername(Infrastructure.User)
        .WithPassword(Infrastructure.Password)
        .WithPortBinding(LoopbackPorts.Free(), RabbitMqBuilder.RabbitMqPort)
        .Build();

    public override async Task InitializeAsync()
    {
        await Broker.StartAsync();
        await base.InitializeAsync();
    }

    public Task KillBrokerAsync() => KillContainerAsync(Broker.Id);

    protected override Task<string> CreateVirtualHostAsync() => Task.FromResult(Broker.GetConnectionString());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Broker.DisposeAsync();
    }
}

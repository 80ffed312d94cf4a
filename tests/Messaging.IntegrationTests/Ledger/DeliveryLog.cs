using System.Collections.Concurrent;
using MassTransit;

namespace Programmes.Messaging.IntegrationTests.Ledger;

/// <summary>Every delivery of a ledger event to a consumer, seen before the inbox decides anything.</summary>
public sealed class DeliveryLog : IConsumeObserver
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly ConcurrentQueue<Guid> _finished = new();

    public IReadOnlyList<Delivery> All => [.. _deliveries];

    public int CountOf(Guid messageId) => _deliveries.Count(d => d.MessageId == messageId);

    /// <summary>Deliveries whose consumer has returned or thrown (its transaction is over).</summary>
    public int FinishedCountOf(Guid messageId) => _finished.Count(id => id == messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is EntryRecorded or EntryDoomed)
        {
            _deliveries.Enqueue(new Delivery(context.MessageId!.Value, context.Message));
        }
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Finished(context);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Finished(context);

    private Task Finished(ConsumeContext context)
    {
        if (context.MessageId is { } id)
        {
            _finished.Enqueue(id);
        }
        return Task.CompletedTask;
    }
}

public sealed record Delivery(Guid MessageId, object Message);

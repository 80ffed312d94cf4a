using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging;

/// <summary>
/// Publishes one outbox row to the broker: as its recorded message type and id, in the trace of the
/// transaction that wrote it, and within the publish timeout.
/// </summary>
internal sealed class OutboxPublisher(IBus bus, OutboxRelayOptions options)
{
    private static readonly ActivitySource Source = Telemetry.CreateSource("Messaging");

    public async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var type = MessageTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, MessageTypes.Json)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");

        // Continue the trace of the transaction that wrote the event; MassTransit's send span is our child
        // and carries the context on to the consumer in the message headers. Without a listener on our
        // source the span is still created by hand, so the context reaches MassTransit's span all the same.
        ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out var parent);
        using var activity = Source.StartActivity($"outbox relay {type.Name}", ActivityKind.Internal, parent)
            ?? StartUnrecorded(row);
        activity?.SetTag(Telemetry.Attributes.MessageType, type.Name);
        activity?.SetTag("messaging.message.id", row.Id.ToString());

        // A publish waits for the broker's confirm; while the broker is unreachable MassTransit would wait
        // for it indefinitely, holding the batch. The timeout turns that into a retry with backoff.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeout);
        try
        {
            await bus.Publish(message, type, context =>
            {
                context.MessageId = row.Id;
                context.Headers.Set(OutboxRelay.AggregateIdHeader, row.AggregateId);
                context.Headers.Set(OutboxRelay.ProducerHeader, options.Producer);
                if (options.MustBeRouted(type) && context.TryGetPayload<RabbitMqSendContext>(out var rabbit))
                {
                    rabbit.Mandatory = true;
                }
            }, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm within {options.PublishTimeout.TotalSeconds:F0} s.");
        }
    }

    private static Activity? StartUnrecorded(OutboxRow row)
    {
        if (row.TraceParent is null)
        {
            return null;
        }
        var activity = new Activity("outbox relay");
        activity.SetParentId(row.TraceParent);
        activity.TraceStateString = row.TraceState;
        return activity.Start();
    }
}

internal sealed record OutboxRow(Guid Id, string AggregateId, string MessageType, string Body, string? TraceParent, string? TraceState, int Attempts, bool Waiting);

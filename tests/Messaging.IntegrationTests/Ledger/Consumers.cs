using System.Diagnostics;
using MassTransit;

namespace Programmes.Messaging.IntegrationTests.Ledger;

public sealed class EntryRecordedConsumer(LedgerDb db, TimeProvider clock)
    : InboxConsumer<EntryRecorded, LedgerDb>(db)
{
    protected override Task HandleAsync(EntryRecorded message, ConsumeContext<EntryRecorded> context)
    {
        if (message.Number < 0)
        {
            // A poisoned message among good ones of the same consumer (InboxBatchingTests).
            throw new InvalidOperationException($"{message.AggregateId} is poisoned.");
        }
        Db.Entries.Add(new LedgerEntry
        {
            MessageId = context.MessageId!.Value,
            AggregateId = message.AggregateId,
            Number = message.Number,
            TraceId = Activity.Current?.TraceId.ToHexString(),
            ConsumedAt = clock.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}

public sealed class EntryDoomedConsumer(LedgerDb db, TimeProvider clock)
    : InboxConsumer<EntryDoomed, LedgerDb>(db)
{
    protected override Task HandleAsync(EntryDoomed message, ConsumeContext<EntryDoomed> context)
    {
        // The effect is added and then abandoned: the failed attempt must leave nothing behind.
        Db.Entries.Add(new LedgerEntry
        {
            MessageId = context.MessageId!.Value,
            AggregateId = message.AggregateId,
            ConsumedAt = clock.GetUtcNow(),
        });
        throw new InvalidOperationException($"{message.AggregateId} can never be consumed.");
    }
}

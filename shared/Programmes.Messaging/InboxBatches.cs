using System.Collections.Concurrent;
using System.Diagnostics;

namespace Programmes.Messaging;

/// <summary>
/// Group commit for <see cref="InboxConsumer{TMessage,TDbContext}"/>: the messages of one consumer that arrive
/// while <see cref="MaxInFlight"/> inbox transactions of that consumer are in flight wait, and the next of them
/// commits all of them in one transaction (one inbox insert, one commit and one WAL flush instead of one each per
/// message). A message that arrives while fewer are in flight goes alone at once, so batching adds no wait at low load.
/// One instance per process (a singleton); queues are kept per consumer class.
/// </summary>
public sealed class InboxBatches(int maxBatchSize, int maxInFlight)
{
    private readonly ConcurrentDictionary<Type, object> _queues = new();

    /// <summary>Most messages committed in one transaction; 1 turns batching off.</summary>
    public int MaxBatchSize { get; } = Math.Max(1, maxBatchSize);

    /// <summary>Inbox transactions of one consumer in flight at once before messages wait to share one.</summary>
    public int MaxInFlight { get; } = Math.Max(1, maxInFlight);

    internal InboxQueue<T> For<T>(Type consumer) where T : class =>
        (InboxQueue<T>)_queues.GetOrAdd(consumer, _ => new InboxQueue<T>(MaxInFlight));
}

/// <summary>How a waiting message goes on: done by another's batch, alone (the batch failed), or leading a batch.</summary>
internal enum InboxTurnOutcome
{
    Done,
    Alone,
    Lead,
}

/// <summary>One message waiting for its inbox transaction, with the span it was delivered in.</summary>
internal sealed class InboxTurn<TContext>(TContext context, Guid messageId) where TContext : class
{
    private readonly TaskCompletionSource<InboxTurnOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TContext Context { get; } = context;
    public Guid MessageId { get; } = messageId;

    /// <summary>The consume span of this delivery: its effects and events belong to this message's trace.</summary>
    public Activity? Activity { get; } = Activity.Current;

    /// <summary>When this turn leads: the batch it commits, itself first.</summary>
    public IReadOnlyList<InboxTurn<TContext>> Batch { get; private set; } = [];

    public Task<InboxTurnOutcome> Outcome => _outcome.Task;

    public void Finish(InboxTurnOutcome outcome) => _outcome.TrySetResult(outcome);

    public void Lead(IReadOnlyList<InboxTurn<TContext>> batch)
    {
        Batch = batch;
        _outcome.TrySetResult(InboxTurnOutcome.Lead);
    }
}

/// <summary>
/// The waiting messages of one consumer. At most <paramref name="maxInFlight"/> transactions are in flight per
/// consumer and process: when one ends, the messages that arrived meanwhile (up to the batch size, in arrival order)
/// become the next batch.
/// </summary>
internal sealed class InboxQueue<TContext>(int maxInFlight) where TContext : class
{
    private readonly Lock _gate = new();
    private readonly List<InboxTurn<TContext>> _waiting = [];
    private int _inFlight;

    /// <summary>Leads at once (a batch of itself) when a transaction may start; otherwise waits for its outcome.</summary>
    public void Join(InboxTurn<TContext> turn)
    {
        lock (_gate)
        {
            if (_inFlight >= maxInFlight)
            {
                _waiting.Add(turn);
                return;
            }
            _inFlight++;
        }
        turn.Lead([turn]);
    }

    /// <summary>Called once by each leader when its batch is over: hands the lead to the next waiting messages.</summary>
    public void Finished(int maxBatchSize)
    {
        InboxTurn<TContext>[] next;
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _inFlight--;
                return;
            }
            next = [.. _waiting.Take(maxBatchSize)];
            _waiting.RemoveRange(0, next.Length);
        }
        next[0].Lead(next);
    }
}

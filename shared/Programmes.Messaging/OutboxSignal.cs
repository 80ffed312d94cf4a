using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging;

/// <summary>
/// Wakes this process's outbox relay as soon as a transaction that wrote outbox rows commits. The relay of
/// another instance finds such rows at its next poll (<c>PollInterval</c>), which is also the safety net here.
/// </summary>
/// <remarks>
/// Not PostgreSQL's NOTIFY: a transaction that notifies takes one lock for the whole cluster from its commit
/// until its end, WAL flush included, so every command that writes an event (in every service's database) would
/// commit one at a time. Under load that queue, not the work, set the throughput.
/// </remarks>
public sealed class OutboxSignal : WakeSignal;

/// <summary>
/// Signals <see cref="OutboxSignal"/> when outbox rows commit: after SaveChanges in its own transaction, or when
/// the explicit transaction around it commits (never on a rollback).
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>
    /// Per context, whether it saved (or is saving) outbox rows not yet committed. Contexts are pooled, so a context's
    /// flag is created once and then only read and set: the table's lock is not taken on every commit.
    /// </summary>
    private readonly ConditionalWeakTable<DbContext, PendingRows> _pending = new();

    /// <summary>A context is used by one caller at a time, so a plain field will do.</summary>
    private sealed class PendingRows
    {
        public bool Value;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteOutboxRows(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        NoteOutboxRows(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommittedUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommittedUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetUnlessInTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void NoteOutboxRows(DbContext? context)
    {
        if (context is not null && AddedOutboxRows(context.ChangeTracker))
        {
            _pending.GetValue(context, static _ => new PendingRows()).Value = true;
        }
    }

    /// <summary>
    /// An outbox row is only ever added (AddEvent), which marks it Added at once, and SaveChanges detects changes
    /// itself anyway: no need for a DetectChanges over every tracked entity here.
    /// </summary>
    private static bool AddedOutboxRows(ChangeTracker tracker) =>
        tracker.WithoutDetectingChanges(t => t.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added));

    private void CommittedUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void ForgetUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending) && pending.Value)
        {
            pending.Value = false;
            signal.Notify();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            pending.Value = false;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Programmes.Messaging;

/// <summary>
/// The transaction a command's changes are saved in. When the request already runs in one (the Idempotency-Key
/// filter opens it so that the key and the changes commit together) the command joins it and leaves the commit
/// and the rollback to its owner; otherwise the command owns a transaction of its own.
/// </summary>
public sealed class CommandTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private CommandTransaction(IDbContextTransaction? owned) => _owned = owned;

    /// <summary>Begins a transaction, or joins the one <paramref name="database"/> is already in.</summary>
    public static async Task<CommandTransaction> BeginOrJoinAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        new(database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : null);

    /// <summary>Commits a transaction this command began; a joined one commits with its owner.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}

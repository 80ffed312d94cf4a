namespace Programmes.Messaging.IntegrationTests.Ledger;

/// <summary>The <paramref name="Number"/>th event of <paramref name="AggregateId"/>; consumed into a ledger entry.</summary>
public sealed record EntryRecorded(string AggregateId, int Number);

/// <summary>An event whose consumer always fails.</summary>
public sealed record EntryDoomed(string AggregateId);

using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Funding.Persistence;
using Programmes.Messaging;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.Model;

/// <summary>A donor's contribution as a client sends it (a pledge, in-kind support): staff name the donor, a donor records its own.</summary>
public interface IDonorContribution<TTerms>
    where TTerms : class
{
    Guid? DonorId { get; }

    /// <summary>The terms when every field is valid for <paramref name="caller"/>; else the problem listing every invalid field.</summary>
    bool TryValidate(Caller caller, [NotNullWhen(true)] out TTerms? terms, [NotNullWhen(false)] out ValidationProblem? problem);
}

/// <summary>What a handler built from valid terms: the contribution, the event it raised and what the client gets back.</summary>
public sealed record Contribution<TView>(object Entity, object Event, Guid StreamId, string Location, TView View);

public static class Contributions
{
    /// <summary>
    /// The one recipe for a donor's contribution: the body validated for the caller, the donor it is for (404
    /// otherwise, so a donor cannot probe for another's records), then what <paramref name="build"/> makes of it recorded.
    /// </summary>
    public static async Task<Results<Created<TView>, ValidationProblem, ProblemHttpResult>> RecordForDonorAsync<TTerms, TView>(
        this FundingDb db, Caller caller, IDonorContribution<TTerms> body, Func<Donor, TTerms, Task<Contribution<TView>>> build,
        CancellationToken cancellationToken)
        where TTerms : class
    {
        if (!body.TryValidate(caller, out var terms, out var problem))
        {
            return problem;
        }
        if (await db.DonorForAsync(caller, body.DonorId, cancellationToken) is not { } donor)
        {
            return Problem.NotFound("The donor");
        }
        var contribution = await build(donor, terms);
        await db.RecordAsync(contribution.Entity, donor.Id, contribution.Event, contribution.StreamId, cancellationToken);
        return TypedResults.Created(contribution.Location, contribution.View);
    }

    /// <summary>
    /// The one way a contribution (pledge, payment, in-kind support) is recorded: added with the event it raised
    /// (keyed by <paramref name="streamId"/>, so consumers see a pledge's events in order), the span tagged with its
    /// donor, all committed in one transaction.
    /// </summary>
    public static async Task RecordAsync(this FundingDb db, object contribution, Guid donorId, object fact, Guid streamId, CancellationToken cancellationToken)
    {
        Telemetry.Tag(Telemetry.Attributes.DonorId, donorId);
        db.Add(contribution);
        db.AddEvent(fact, streamId);
        await db.SaveChangesAsync(cancellationToken);
    }
}

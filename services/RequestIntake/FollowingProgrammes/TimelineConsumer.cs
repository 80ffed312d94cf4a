using MassTransit;
using Microsoft.EntityFrameworkCore;
using Programmes.Messaging;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;

namespace Programmes.RequestIntake.FollowingProgrammes;

/// <summary>What one programme event means on the timelines of the requests it serves.</summary>
public sealed record TimelineStep(Guid ProgrammeId, IReadOnlyList<Guid>? RequestIds, DateTimeOffset At, TimelineKind Kind, string Description);

/// <summary>
/// Appends a programme event to the timeline of every request it serves. Events that name their
/// requests also teach the programme-to-request link; those that do not are placed through it.
/// Requests intake does not know (another deployment's, or a test's) are ignored.
/// </summary>
public abstract class TimelineConsumer<TEvent>(IntakeDb db) : InboxConsumer<TEvent, IntakeDb>(db)
    where TEvent : class
{
    protected abstract TimelineStep Describe(TEvent message);

    protected override async Task HandleAsync(TEvent message, ConsumeContext<TEvent> context)
    {
        var step = Describe(message);
        var cancellationToken = context.CancellationToken;
        var linked = await Db.Links.Where(l => l.ProgrammeId == step.ProgrammeId).Select(l => l.RequestId).ToListAsync(cancellationToken);
        var named = step.RequestIds ?? [];
        var candidates = named.Union(linked).ToList();
        var requests = await Db.Requests.AsNoTracking().Where(r => candidates.Contains(r.Id)).ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            if (!linked.Contains(request.Id))
            {
                Db.Links.Add(new ProgrammeLink { ProgrammeId = step.ProgrammeId, RequestId = request.Id });
            }
            // The request row itself is left alone: programme events arrive on parallel queues, and
            // touching it would make them conflict on its version for no gain.
            Db.Timeline.Add(TimelineEntry.For(request, step.At, step.Kind, step.Description, step.ProgrammeId));
        }
    }
}

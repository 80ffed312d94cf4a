using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.ReferenceData;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.ViewingRequests;

/// <summary>
/// A State's own requests (staff: everyone's), newest first, filtered by status, thematic area and
/// submission date, in pages. Query values are strings so that every bad one is reported at once.
/// </summary>
public static class ListRequests
{
    public static async Task<Results<Ok<ListPage<RequestView>>, ValidationProblem>> Handle(
        ClaimsPrincipal user, IntakeDb db, CancellationToken cancellationToken,
        string? status = null, string? thematicArea = null, string? stateCode = null,
        string? from = null, string? to = null, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        RequestStatus parsedStatus = default;
        if (status is not null)
        {
            validation.Check(Enum.TryParse(status, ignoreCase: false, out parsedStatus) && Enum.IsDefined(parsedStatus), "status",
                $"must be one of {string.Join(", ", Enum.GetNames<RequestStatus>())}.");
        }
        if (thematicArea is not null)
        {
            validation.Code(thematicArea, "thematicArea", CodeLists.ThematicAreas);
        }
        if (stateCode is not null)
        {
            validation.MemberState(stateCode, "stateCode");
        }
        var fromDate = Date(validation, from, "from");
        var toDate = Date(validation, to, "to");
        validation.Check(fromDate is null || toDate is null || toDate >= fromDate, "to", "must not be before from.");
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }

        var query = db.Requests.AsNoTracking().VisibleTo(user.GetCaller());
        if (stateCode is not null)
        {
            query = query.Where(r => r.StateCode == stateCode);
        }
        if (status is not null)
        {
            query = query.Where(r => r.Status == parsedStatus);
        }
        if (thematicArea is not null)
        {
            // Array containment (@>), which the GIN index on thematic_areas serves.
            var areas = new List<string> { thematicArea };
            query = query.Where(r => r.ThematicAreas.Any(a => areas.Contains(a)));
        }
        if (fromDate is { } start)
        {
            var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(r => r.SubmittedAt >= since);
        }
        if (toDate is { } end)
        {
            var until = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(r => r.SubmittedAt < until);
        }

        var requests = await query.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).ToPageAsync(paging, cancellationToken);
        var ids = requests.Items.Select(r => r.Id).ToList();
        var timelines = (await db.Timeline.AsNoTracking().Where(e => ids.Contains(e.RequestId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.RequestId);
        return TypedResults.Ok(requests.Select(r => RequestView.From(r, timelines[r.Id])));
    }

    private static DateOnly? Date(Validation validation, string? value, string field)
    {
        if (value is null)
        {
            return null;
        }
        var ok = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        validation.Check(ok, field, "must be a date (yyyy-MM-dd).");
        return ok ? date : null;
    }
}

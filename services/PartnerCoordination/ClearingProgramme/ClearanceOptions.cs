namespace Programmes.PartnerCoordination.ClearingProgramme;

/// <summary>Configuration section <c>Clearance</c>.</summary>
public sealed class ClearanceOptions
{
    /// <summary>Partners have this many working days (Monday to Friday, UTC) to answer.</summary>
    public int WorkingDays { get; set; } = 10;

    /// <summary>How often the deadline watch looks for rounds past their deadline.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Adds working days to an instant, keeping its time of day; weekends do not count.</summary>
    public DateTimeOffset DeadlineFrom(DateTimeOffset openedAt)
    {
        var deadline = openedAt;
        for (var added = 0; added < WorkingDays;)
        {
            deadline = deadline.AddDays(1);
            if (deadline.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }
        return deadline;
    }
}

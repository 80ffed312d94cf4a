using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Programmes.ServiceDefaults;

public static class ChangeTrackerReads
{
    /// <summary>
    /// Reads the tracked entries as they stand, without the full DetectChanges over every tracked entity that
    /// <see cref="ChangeTracker.Entries()"/> runs first when automatic detection is on: for SaveChanges hooks that
    /// either detect once themselves or only look at rows that were added (a few KB per SaveChanges,
    /// docs/performance.md).
    /// </summary>
    public static T WithoutDetectingChanges<T>(this ChangeTracker tracker, Func<ChangeTracker, T> read)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return read(tracker);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}

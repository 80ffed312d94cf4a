using CsCheck;
using Microsoft.EntityFrameworkCore;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;
using Xunit;

namespace Programmes.UnitTests.ServiceDefaults;

/// <summary>The list columns' change-tracking comparer: equal exactly when the items are, in order; snapshots that a change in place cannot reach.</summary>
public sealed class ListComparerTests
{
    private static readonly Gen<List<string>> Lists = Gen.String["abc"].List[0, 5];

    [Fact]
    public void Two_lists_are_equal_exactly_when_their_items_are_in_the_same_order_and_equal_lists_hash_alike()
    {
        var comparer = new ListComparer<string>();
        Gen.Select(Lists, Lists).Sample((a, b) =>
        {
            Assert.Equal(a.SequenceEqual(b), comparer.Equals(a, b));
            Assert.True(comparer.Equals(a, [.. a]));
            Assert.Equal(comparer.GetHashCode(a), comparer.GetHashCode([.. a]));
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void A_snapshot_is_an_equal_copy_so_a_change_made_in_place_is_detected()
    {
        var comparer = new ListComparer<Guid>();
        Gen.Guid.List[0, 5].Sample(list =>
        {
            var snapshot = comparer.Snapshot(list);
            Assert.NotSame(list, snapshot);
            Assert.True(comparer.Equals(list, snapshot));
            list.Add(Guid.NewGuid());
            Assert.False(comparer.Equals(list, snapshot));
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void Every_list_column_of_a_service_model_uses_it()
    {
        using var db = new PlanningDb(new DbContextOptionsBuilder<PlanningDb>().UseNpgsql("Host=localhost;Database=model").UseSnakeCaseNamingConvention().Options);
        var lists = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType.IsGenericType && p.ClrType.GetGenericTypeDefinition() == typeof(List<>)).ToList();

        Assert.Contains(lists, p => p.DeclaringType.ClrType == typeof(Programme) && p.Name == nameof(Programme.RequestIds));
        Assert.All(lists, p => Assert.Equal(typeof(ListComparer<>), p.GetValueComparer().GetType().GetGenericTypeDefinition()));
    }
}

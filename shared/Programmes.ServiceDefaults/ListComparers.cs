using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Programmes.ServiceDefaults;

/// <summary>
/// Change-tracking comparers for the list columns (<c>List&lt;string&gt;</c>, <c>List&lt;Guid&gt;</c>: PostgreSQL arrays).
/// EF Core's own (<c>ListOfReferenceTypesComparer</c>, <c>ListOfValueTypesComparer</c>) pass an element comparer as a
/// nested lambda (<c>source => Snapshot(source, v => v)</c>), and a compiled expression creates that nested delegate
/// anew on every call, through <c>DynamicMethod.CreateDelegate</c> and its lock: about 1-2 µs and 250 bytes per
/// snapshot and compare of a three-item list, 10-16 % of the CPU samples of intake's submissions and of planning's
/// consumers (docs/performance.md). These call static methods only.
/// </summary>
public static class ListComparers
{
    /// <summary>Gives every <c>List&lt;T&gt;</c> property of the model (T equatable) a <see cref="ListComparer{T}"/>. Call last in OnModelCreating.</summary>
    public static ModelBuilder UseListComparers(this ModelBuilder model)
    {
        foreach (var property in model.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            var type = property.ClrType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)
                && type.GetGenericArguments()[0] is var element
                && typeof(IEquatable<>).MakeGenericType(element).IsAssignableFrom(element))
            {
                property.SetValueComparer((ValueComparer)Activator.CreateInstance(typeof(ListComparer<>).MakeGenericType(element))!);
            }
        }
        return model;
    }

    public static bool AreEqual<T>(List<T>? a, List<T>? b) where T : IEquatable<T> =>
        ReferenceEquals(a, b) || (a is not null && b is not null && CollectionsMarshal.AsSpan(a).SequenceEqual(CollectionsMarshal.AsSpan(b)));

    public static int HashOf<T>(List<T> list)
    {
        var hash = new HashCode();
        foreach (var item in CollectionsMarshal.AsSpan(list))
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public static List<T> Copy<T>(List<T> list) => [.. CollectionsMarshal.AsSpan(list)];
}

/// <summary>Compares lists item by item in order; snapshots are copies, so that a change made in place is detected.</summary>
public sealed class ListComparer<T>() : ValueComparer<List<T>>(
    (a, b) => ListComparers.AreEqual(a, b), list => ListComparers.HashOf(list), list => ListComparers.Copy(list))
    where T : IEquatable<T>;

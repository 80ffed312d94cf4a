using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Programmes.ServiceDefaults;

/// <summary>One page of a list: the items, which page they are, and how many items the whole list has.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public ListPage<TView> Select<TView>(Func<T, TView> view) => new(Items.Select(view).ToList(), Page, PageSize, Total);
}

/// <summary>
/// The one paging scheme every list uses: <c>page</c> (from 1) and <c>pageSize</c> (1–100, default 20) in
/// the query, answered as <see cref="ListPage{T}"/>. Values arrive as strings so a bad one is reported with the
/// list's other invalid fields in one 400, never as a binding failure.
/// </summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const string PageParameter = "page";
    public const string PageSizeParameter = "pageSize";
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 100_000;

    public static Paging First => new(1, DefaultPageSize);

    /// <summary>How many items come before this page.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>The number of pages a list of <paramref name="total"/> items fills (at least 1: an empty list has one empty page).</summary>
    public int PageCount(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    /// <summary>Reads the two query values, reporting each invalid one on <paramref name="validation"/>.</summary>
    public static Paging Read(Validation validation, string? page, string? pageSize) => new(
        Number(validation, page, PageParameter, 1, MaxPage),
        Number(validation, pageSize, PageSizeParameter, DefaultPageSize, MaxPageSize));

    /// <summary>The items of this page from an ordered in-memory list.</summary>
    public ListPage<T> Of<T>(IReadOnlyCollection<T> all) =>
        new(all.Skip(Skip).Take(PageSize).ToList(), Page, PageSize, all.Count);

    private static int Number(Validation validation, string? value, string field, int fallback, int max)
    {
        if (value is null)
        {
            return fallback;
        }
        var ok = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max;
        validation.Check(ok, field, $"must be a whole number from 1 to {max}.");
        return ok ? number : fallback;
    }
}

public static class PagingExtensions
{
    /// <summary>
    /// Counts the list and reads one page of it. The query must be ordered by a unique key (add the id as the
    /// last key), or rows could move between pages.
    /// </summary>
    public static async Task<ListPage<T>> ToPageAsync<T>(this IQueryable<T> ordered, Paging paging, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = total <= paging.Skip
            ? []
            : await ordered.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new ListPage<T>(items, paging.Page, paging.PageSize, total);
    }
}

using System.Globalization;
using CsCheck;
using Programmes.ServiceDefaults;
using Xunit;

namespace Programmes.UnitTests.ServiceDefaults;

/// <summary>The one paging scheme: its pages cover a list exactly once, and every bad value is named.</summary>
public sealed class PagingTests
{
    [Fact]
    public void The_pages_of_a_list_cover_every_item_exactly_once_in_order()
    {
        Gen.Select(Gen.Int[0, 1_000], Gen.Int[1, Paging.MaxPageSize]).Sample((total, size) =>
        {
            var list = Enumerable.Range(0, total).ToList();
            var count = new Paging(1, size).PageCount(total);
            var pages = Enumerable.Range(1, count).Select(n => new Paging(n, size).Of(list)).ToList();

            Assert.Equal(list, pages.SelectMany(p => p.Items));
            Assert.All(pages, p => Assert.Equal(total, p.Total));
            Assert.All(pages.SkipLast(1), p => Assert.Equal(size, p.Items.Count));
            Assert.Equal(total == 0 ? 0 : total - ((count - 1) * size), pages[^1].Items.Count);
            Assert.Empty(new Paging(count + 1, size).Of(list).Items);
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void A_value_is_accepted_exactly_when_it_is_a_whole_number_in_range()
    {
        var value = Gen.OneOf(
            Gen.Int[-5, Paging.MaxPage + 5].Select(n => n.ToString(CultureInfo.InvariantCulture)),
            Gen.String[Gen.Char["0123456789 +-.xe"], 0, 8]).Null();
        Gen.Select(value, value).Sample((page, pageSize) =>
        {
            var validation = new Programmes.ServiceDefaults.Validation();
            var paging = Paging.Read(validation, page, pageSize);

            var pageOk = Valid(page, Paging.MaxPage);
            var sizeOk = Valid(pageSize, Paging.MaxPageSize);
            Assert.Equal(pageOk && sizeOk, validation.IsValid);
            Assert.Equal(!pageOk, validation.Errors.ContainsKey("page"));
            Assert.Equal(!sizeOk, validation.Errors.ContainsKey("pageSize"));
            Assert.InRange(paging.Page, 1, Paging.MaxPage);
            Assert.InRange(paging.PageSize, 1, Paging.MaxPageSize);
            Assert.True(paging.Skip >= 0);
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void Missing_values_mean_the_first_page_of_twenty()
    {
        var validation = new Programmes.ServiceDefaults.Validation();
        Assert.Equal(Paging.First, Paging.Read(validation, null, null));
        Assert.Equal(new Paging(1, 20), Paging.First);
        Assert.True(validation.IsValid);
    }

    // The specification, said differently from Paging.Read: digits only, no sign or spaces, 1..max.
    private static bool Valid(string? value, int max) =>
        value is null || (value.Length is > 0 and < 10 && value.All(char.IsAsciiDigit) && long.Parse(value, CultureInfo.InvariantCulture) is >= 1 and var n && n <= max);
}

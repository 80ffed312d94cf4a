using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ProgrammePlanning.PlanningIntake;
using Programmes.Testing;
using Xunit;

namespace Programmes.ProgrammePlanning.Tests.PlanningIntake;

/// <summary>Planning's intake items page like every other list: no cap at 100, and bad paging input is a 400 naming it.</summary>
public sealed class IntakeItemPagingTests(PlanningSystem system) : IClassFixture<PlanningSystem>
{
    [Fact]
    public async Task Paging_reaches_every_item_past_the_first_hundred_once()
    {
        var received = DateTimeOffset.UtcNow;
        var seeded = Enumerable.Range(0, 130).Select(i => new PlanningIntakeItem
        {
            RequestId = Guid.NewGuid(),
            StateCode = "KEN",
            ThematicAreas = ["RATIFICATION"],
            SubmittedAt = received,
            // Some share a received time, so the order must fall back on the id to be stable across pages.
            ReceivedAt = received.AddSeconds(-(i / 3)),
        }).ToList();
        int rows;
        using (var scope = system.ServiceApps[Services.Planning].Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanningDb>();
            db.IntakeItems.AddRange(seeded);
            await db.SaveChangesAsync();
            rows = await db.IntakeItems.CountAsync();
        }
        var staff = await system.ClientAsync(TestClients.Staff);

        var read = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var body = await staff.GetAsync($"/api/planning/intake-items?page={page}&pageSize=40").ShouldBeJson(HttpStatusCode.OK);
            Assert.Equal(rows, body.GetProperty("total").GetInt32());
            Assert.Equal(page, body.GetProperty("page").GetInt32());
            Assert.Equal(40, body.GetProperty("pageSize").GetInt32());
            var items = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("requestId").GetGuid()).ToList();
            if (items.Count == 0)
            {
                break;
            }
            read.AddRange(items);
        }

        Assert.True(read.Count > 100, $"read {read.Count} items");
        Assert.Equal(rows, read.Count);
        Assert.Equal(read.Count, read.Distinct().Count());
        Assert.Subset(read.ToHashSet(), seeded.Select(s => s.RequestId).ToHashSet());
        var first = await staff.GetAsync("/api/planning/intake-items").ShouldBeJson(HttpStatusCode.OK);
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        Assert.Equal(read.Take(20), first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("requestId").GetGuid()));
    }

    [Theory]
    [InlineData("page=0&pageSize=101", new[] { "page", "pageSize" })]
    [InlineData("page=abc", new[] { "page" })]
    [InlineData("page=-1&pageSize=20", new[] { "page" })]
    [InlineData("pageSize=1.5", new[] { "pageSize" })]
    [InlineData("page=99999999999999999999&pageSize=%20", new[] { "page", "pageSize" })]
    public async Task Bad_paging_input_is_a_problem_naming_each_field(string query, string[] fields)
    {
        var staff = await system.ClientAsync(TestClients.Staff);

        var response = await staff.GetAsync($"/api/planning/intake-items?{query}").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(fields, problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
    }
}

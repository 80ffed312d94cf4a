using System.Net;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.Operations;

[Collection(EdgeSystemCollection.Name)]
public sealed class DeadLetterQueueTests(EdgeSystem system)
{
    [Fact]
    public async Task Replaying_or_discarding_a_queue_that_does_not_exist_is_not_found()
    {
        var operations = await system.ClientAsync(TestClients.Operations);
        foreach (var action in new[] { "replay", "discard" })
        {
            var problem = await operations.PostAsync($"/api/operations/dead-letters/planning-no-such-consumer_error/{action}", null)
                .ShouldBeJson(HttpStatusCode.NotFound);
            Assert.Contains("planning-no-such-consumer_error", problem.GetProperty("title").GetString());
            await operations.PostAsync($"/api/operations/dead-letters/planning-no-such-consumer_error/{action}?messageId={Guid.NewGuid()}", null)
                .ShouldBe(HttpStatusCode.NotFound);
        }
        var audit = await operations.GetStringAsync("/api/operations/dead-letters/audit");
        Assert.DoesNotContain("planning-no-such-consumer_error", audit);
    }
}

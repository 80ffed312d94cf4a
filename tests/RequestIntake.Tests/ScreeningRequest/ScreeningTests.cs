using System.Net;
using System.Net.Http.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.RequestIntake.Tests.ScreeningRequest;

[Collection(IntakeCollection.Name)]
public sealed class ScreeningTests(IntakeSystem system)
{
    private static readonly object Questions = new { questions = new[] { "Which ministry leads?", "Which instruments first?" } };

    [Fact]
    public async Task Staff_accept_a_submitted_request_once()
    {
        var (kenya, staff) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.Staff));
        var id = (await kenya.SubmitAsync(IntakeApi.ValidRequest(area: "NATIONAL-COORDINATION"))).Id();

        var accepted = await staff.PostAsync($"/api/intake/requests/{id}/accept", null).ShouldBeJson(HttpStatusCode.OK);
        await staff.PostAsync($"/api/intake/requests/{id}/accept", null).ShouldBeIllegalTransition("Accepted");
        await staff.PostAsJsonAsync($"/api/intake/requests/{id}/decline", new { reason = "Duplicate" }).ShouldBeIllegalTransition("Accepted");
        await staff.PostAsJsonAsync($"/api/intake/requests/{id}/information-request", Questions).ShouldBeIllegalTransition("Accepted");

        Assert.Equal("Accepted", accepted.Status());
        Assert.Equal(["Submitted", "Accepted"], accepted.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal(["AssistanceRequestSubmitted", "AssistanceRequestAccepted"], (await system.EventsOfAsync(id)).Select(e => e.Type).ToArray());
    }

    [Fact]
    public async Task Staff_decline_with_a_reason_from_the_list_and_a_declined_request_stays_declined()
    {
        var (kenya, staff) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.Staff));
        var id = (await kenya.SubmitAsync(IntakeApi.ValidRequest(area: "CRIME-TERRORISM-LINKS"))).Id();

        var declined = await staff.PostAsJsonAsync($"/api/intake/requests/{id}/decline", new { reason = "OutsideMandate", text = "Drug control only." })
            .ShouldBeJson(HttpStatusCode.OK);
        await staff.PostAsync($"/api/intake/requests/{id}/accept", null).ShouldBeIllegalTransition("Declined");
        await staff.PostAsJsonAsync($"/api/intake/requests/{id}/decline", new { reason = "Duplicate" }).ShouldBeIllegalTransition("Declined");

        Assert.Equal("Declined", declined.Status());
        Assert.Equal("OutsideMandate", declined.GetProperty("declineReason").GetString());
        var declinedEvent = (await system.EventsOfAsync(id))[^1];
        Assert.Equal("AssistanceRequestDeclined", declinedEvent.Type);
        Assert.Equal("OutsideMandate", declinedEvent.Body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_decline_needs_a_known_reason_and_text_when_the_reason_is_other()
    {
        var (kenya, staff) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.Staff));
        var id = (await kenya.SubmitAsync(IntakeApi.ValidRequest(area: "CRIME-TERRORISM-LINKS", startInDays: 500))).Id();

        var unknown = await staff.PostAsJsonAsync($"/api/intake/requests/{id}/decline", new { reason = "Boredom", text = new string('x', 2001) })
            .ShouldBeJson(HttpStatusCode.BadRequest);
        var other = await staff.PostAsJsonAsync($"/api/intake/requests/{id}/decline", new { reason = "Other" }).ShouldBeJson(HttpStatusCode.BadRequest);
        var missing = await staff.PostAsJsonAsync($"/api/intake/requests/{id}/decline", new { }).ShouldBeJson(HttpStatusCode.BadRequest);
        var withText = await staff.PostAsJsonAsync($"/api/intake/requests/{id}/decline", new { reason = "Other", text = "Merged into a regional programme." })
            .ShouldBeJson(HttpStatusCode.OK);

        Assert.Equal(["reason", "text"], unknown.ErrorFields());
        Assert.Equal(["text"], other.ErrorFields());
        Assert.Equal(["reason"], missing.ErrorFields());
        Assert.Equal("Merged into a regional programme.", withText.GetProperty("declineText").GetString());
    }

    [Fact]
    public async Task Questions_send_the_request_to_the_State_and_its_answer_returns_it_to_screening()
    {
        var (kenya, staff) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.Staff));
        var id = (await kenya.SubmitAsync(IntakeApi.ValidRequest(area: "INVESTIGATION-PROSECUTION"))).Id();

        var asked = await staff.PostAsJsonAsync($"/api/intake/requests/{id}/information-request", Questions).ShouldBeJson(HttpStatusCode.OK);
        await staff.PostAsync($"/api/intake/requests/{id}/accept", null).ShouldBeIllegalTransition("InformationRequested");
        await staff.PostAsJsonAsync($"/api/intake/requests/{id}/information-request", Questions).ShouldBeIllegalTransition("InformationRequested");
        var answered = await kenya.PostAsJsonAsync($"/api/intake/requests/{id}/answers", new { answer = "The Ministry of Justice leads." })
            .ShouldBeJson(HttpStatusCode.OK);
        await kenya.PostAsJsonAsync($"/api/intake/requests/{id}/answers", new { answer = "Again." }).ShouldBeIllegalTransition("Submitted");
        var accepted = await staff.PostAsync($"/api/intake/requests/{id}/accept", null).ShouldBeJson(HttpStatusCode.OK);

        Assert.Equal("InformationRequested", asked.Status());
        Assert.Equal(["Which ministry leads?", "Which instruments first?"], asked.Strings("openQuestions"));
        Assert.Equal("Submitted", answered.Status());
        Assert.Empty(answered.Strings("openQuestions"));
        Assert.Equal("The Ministry of Justice leads.", answered.GetProperty("lastAnswer").GetString());
        Assert.Equal("Accepted", accepted.Status());
        Assert.Equal(
            ["AssistanceRequestSubmitted", "AssistanceRequestInformationRequested", "AssistanceRequestInformationProvided", "AssistanceRequestAccepted"],
            (await system.EventsOfAsync(id)).Select(e => e.Type).ToArray());
    }

    [Fact]
    public async Task A_request_waiting_for_answers_can_be_declined_for_insufficient_information()
    {
        var (kenya, staff) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.Staff));
        var id = (await kenya.SubmitAsync(IntakeApi.ValidRequest(area: "INVESTIGATION-PROSECUTION", startInDays: 600))).Id();
        await staff.PostAsJsonAsync($"/api/intake/requests/{id}/information-request", Questions).ShouldBe(HttpStatusCode.OK);

        var declined = await staff.PostAsJsonAsync($"/api/intake/requests/{id}/decline", new { reason = "InsufficientInformation" })
            .ShouldBeJson(HttpStatusCode.OK);
        await kenya.PostAsJsonAsync($"/api/intake/requests/{id}/answers", new { answer = "Too late." }).ShouldBeIllegalTransition("Declined");

        Assert.Equal("Declined", declined.Status());
        Assert.Empty(declined.Strings("openQuestions"));
    }

    [Fact]
    public async Task Questions_and_answers_are_validated()
    {
        var (kenya, staff) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.Staff));
        var id = (await kenya.SubmitAsync(IntakeApi.ValidRequest(area: "INVESTIGATION-PROSECUTION", startInDays: 700))).Id();

        var none = await staff.PostAsJsonAsync($"/api/intake/requests/{id}/information-request", new { questions = Array.Empty<string>() })
            .ShouldBeJson(HttpStatusCode.BadRequest);
        var blank = await staff.PostAsJsonAsync($"/api/intake/requests/{id}/information-request", new { questions = new[] { "ok?", " ", new string('q', 1001) } })
            .ShouldBeJson(HttpStatusCode.BadRequest);
        var noAnswer = await kenya.PostAsJsonAsync($"/api/intake/requests/{id}/answers", new { }).ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.Equal(["questions"], none.ErrorFields());
        Assert.Equal(["questions[1]", "questions[2]"], blank.ErrorFields());
        Assert.Equal(["answer"], noAnswer.ErrorFields());
    }

    [Fact]
    public async Task Only_staff_screen_only_the_owning_State_answers_and_unknown_requests_are_not_found()
    {
        var (kenya, niger, staff, cted) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.StateNiger),
            await system.ClientAsync(TestClients.Staff), await system.ClientAsync(TestClients.Cted));
        var id = (await kenya.SubmitAsync(IntakeApi.ValidRequest(area: "INVESTIGATION-PROSECUTION", startInDays: 800))).Id();
        await staff.PostAsJsonAsync($"/api/intake/requests/{id}/information-request", Questions).ShouldBe(HttpStatusCode.OK);

        await kenya.PostAsync($"/api/intake/requests/{id}/accept", null).ShouldBe(HttpStatusCode.Forbidden);
        await cted.PostAsJsonAsync($"/api/intake/requests/{id}/decline", new { reason = "Duplicate" }).ShouldBe(HttpStatusCode.Forbidden);
        await niger.PostAsJsonAsync($"/api/intake/requests/{id}/answers", new { answer = "Not ours." }).ShouldBe(HttpStatusCode.NotFound);
        await staff.PostAsJsonAsync($"/api/intake/requests/{id}/answers", new { answer = "Staff cannot answer." }).ShouldBe(HttpStatusCode.Forbidden);
        await staff.PostAsync($"/api/intake/requests/{Guid.NewGuid()}/accept", null).ShouldBe(HttpStatusCode.NotFound);
        await staff.PostAsJsonAsync($"/api/intake/requests/{Guid.NewGuid()}/decline", new { reason = "Duplicate" }).ShouldBe(HttpStatusCode.NotFound);
        await staff.PostAsJsonAsync($"/api/intake/requests/{Guid.NewGuid()}/information-request", Questions).ShouldBe(HttpStatusCode.NotFound);
    }
}

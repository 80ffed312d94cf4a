using Microsoft.Kiota.Abstractions;
using Programmes.ApiClient;
using Programmes.ApiClient.Models;
using Programmes.Testing;
using Xunit;

namespace Programmes.ApiContract.Tests;

/// <summary>
/// A partner's integration from the published document alone: the journey from a State's request to an
/// approved, funded programme, driven only through the Kiota-generated client.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ClientJourneyTests(PublishedDocuments system)
{
    [Fact]
    public async Task A_request_becomes_a_funded_delivered_reported_programme_through_the_generated_client()
    {
        var state = await KiotaClient.ForAsync(system, TestClients.StateKenya);
        var staff = await KiotaClient.ForAsync(system, TestClients.Staff);
        var cted = await KiotaClient.ForAsync(system, TestClients.Cted);
        var donor = await KiotaClient.ForAsync(system, TestClients.DonorNorway);

        var request = await SubmitAsync(state);
        var requestId = request!.Id!.Value;
        await staff.Api.Intake.Requests[requestId].Accept.PostAsync();
        await Eventually.TrueAsync(async () =>
            (await staff.Api.Planning.IntakeItems.GetAsync(q => q.QueryParameters.RequestId = requestId))!.Items!.Any(i => i.AcceptedAt is not null),
            what: "the accepted request in planning");
        // Every list pages the same way; the paging parameters are typed integers in the client.
        var onePerPage = await staff.Api.Planning.IntakeItems.GetAsync(q => { q.QueryParameters.Page = 1; q.QueryParameters.PageSize = 1; });
        Assert.Equal((1, 1, 1), (onePerPage!.Items!.Count, onePerPage.Page, onePerPage.PageSize));
        Assert.True(onePerPage.Total >= 1);

        var programme = await staff.Api.Planning.Programmes.PostAsync(new DraftProgrammeRequest
        {
            Title = "Kenya: becoming party to the 1997 Bombings Convention",
            Objectives = "Ratify the Convention and incorporate it into national law.",
            Scope = ProgrammeScope.National,
            StateCodes = [MemberStateCode.KEN],
            ThematicAreas = [ThematicAreaCode.RATIFICATION],
            Instruments = [InstrumentCode.TERRORISTBOMBINGS1997],
            RequestIds = [requestId],
            Activities =
            [
                new ActivityInput
                {
                    Title = "National workshop on the Convention",
                    Modality = DeliveryModalityCode.NATIONALWORKSHOP,
                    ThematicArea = ThematicAreaCode.RATIFICATION,
                    PlannedStart = new Date(2027, 3, 2),
                    PlannedEnd = new Date(2027, 3, 4),
                    Place = new PlaceInput { StateCode = MemberStateCode.KEN, City = "Nairobi", Online = false },
                    PlannedParticipants = new ParticipantsInput { Women = 12, Men = 15, Other = 1 },
                    TargetInstitutions = [InstitutionTypeCode.PROSECUTION],
                    Budget = new BudgetInput { Experts = 10_000m, Travel = 5_000m, Venue = 2_500m, Translation = 0m, Other = 500m },
                },
            ],
        }, Idempotent);
        var programmeId = programme!.Id!.Value;
        var serving = await staff.Api.Planning.Programmes.GetAsync(q => q.QueryParameters.RequestId = requestId);
        Assert.Equal([programmeId], serving!.Items!.Select(p => p.Id!.Value));
        Assert.Equal([requestId], serving.Items![0].RequestIds!.Select(r => r!.Value));
        await staff.Api.Planning.Programmes[programmeId].Markers.PutAsync(new MarkersRequest { GenderMarker = 2, ChildrenConcerned = false });
        await staff.Api.Planning.Programmes[programmeId].ComplianceReview.PutAsync(
            new ComplianceReviewRequest { Outcome = ComplianceOutcome.Cleared, Reviewer = "Human-rights adviser" });
        await staff.Api.Planning.Programmes[programmeId].Proposal.PostAsync();

        var round = await Eventually.GetAsync(async () =>
            (await cted.Api.Coordination.Rounds.GetAsync(q => q.QueryParameters.ProgrammeId = programmeId))!.Items!.FirstOrDefault(),
            what: "the clearance round");
        await cted.Api.Coordination.Rounds[round.Id!.Value].Answers.PostAsync(new AnswerRound { Answer = PartnerAnswer.Concur });

        await staff.Api.Funding.Donors.PostAsync(
            new RegisterDonor { Code = "DONOR-NOR", Name = "Norway", Kind = DonorKind.MemberState, StateCode = MemberStateCode.NOR }, Idempotent);
        var pledge = await donor.Api.Funding.Pledges.PostAsync(new RecordPledge
        {
            Amount = 25_000m,
            Currency = CurrencyCode.USD,
            PledgeDate = new Date(2026, 11, 2),
            AgreementReference = "NOR-2026-7",
            Earmarking = Earmarking.Programme,
            EarmarkedTo = programmeId.ToString(),
        }, Idempotent);
        Assert.Equal(25_000m, pledge!.Amount);
        await donor.Api.Funding.Pledges[pledge.Id!.Value].Payments.PostAsync(new ReceivePayment
        {
            Amount = 25_000m,
            Currency = CurrencyCode.USD,
            ValueDate = new Date(2026, 11, 20),
            BankReference = "NOR-TRANSFER-0042",
        }, Idempotent);

        await Eventually.TrueAsync(async () =>
            (await staff.Api.Planning.Programmes[programmeId].GetAsync())!.Status == ProgrammeStatus.Approved,
            timeout: TimeSpan.FromSeconds(60), what: "the approved programme");

        // Delivered, its result recorded, reported to the General Assembly and published to IATI.
        var programmeApi = staff.Api.Planning.Programmes[programmeId];
        await programmeApi.StatusChanges.PostAsync(new StatusChangeRequest { Action = StatusAction.StartDelivery });
        var activityId = (await programmeApi.GetAsync())!.Activities![0].Id!.Value;
        var delivered = await programmeApi.Activities[activityId].Delivery.PostAsync(new DeliveryRequest
        {
            ActualStart = new Date(2027, 3, 2),
            ActualEnd = new Date(2027, 3, 4),
            Participants = new ParticipantsInput { Women = 12, Men = 14, Other = 1 },
            EvaluationScore = 4.5m,
            SpentUsd = 17_500m,
        });
        Assert.Equal(ProgrammeStatus.InDelivery, delivered!.Status);
        await programmeApi.Results.PostAsync(new ResultRequest
        {
            Kind = ResultKind.OfficialsTrained,
            StateCode = MemberStateCode.KEN,
            Count = 27,
            Date = new Date(2027, 3, 4),
            Description = "Prosecutors trained on the 1997 Bombings Convention.",
        });
        Assert.Equal(27, Assert.Single((await programmeApi.Results.GetAsync())!.Items!).Count);

        var report = await staff.Api.Planning.Reports.Implementation.GetAsync(q =>
        {
            q.QueryParameters.From = new Date(2027, 1, 1);
            q.QueryParameters.To = new Date(2027, 12, 31);
        });
        Assert.True(report!.Totals!.ActivitiesDelivered >= 1 && report.Totals.OfficialsTrained >= 27, "the report counts the delivery and the result");

        await using var iati = await staff.Api.Planning.Iati.Activities.GetAsync(q => q.QueryParameters.ProgrammeId = programmeId);
        var activities = System.Xml.Linq.XDocument.Load(iati!);
        Assert.Equal("2.03", activities.Root!.Attribute("version")!.Value);
        Assert.Contains(activities.Descendants("transaction"), t => t.Element("transaction-type")?.Attribute("code")?.Value == "11");
    }

    [Fact]
    public async Task Staff_ask_a_State_for_information_through_the_generated_client()
    {
        var state = await KiotaClient.ForAsync(system, TestClients.StateKenya);
        var staff = await KiotaClient.ForAsync(system, TestClients.Staff);
        var request = await SubmitAsync(state);

        // The operation Kiota once could not generate (its path segment was named like Kiota's RequestInformation).
        var asked = await staff.Api.Intake.Requests[request!.Id!.Value].InformationRequest.PostAsync(
            new RequestInformationBody { Questions = ["Which ministry leads?"] });

        Assert.Equal(RequestStatus.InformationRequested, asked!.Status);
    }

    /// <summary>Kenya's request to ratify the 1997 Bombings Convention, through the generated client.</summary>
    private static Task<RequestView?> SubmitAsync(ProgrammesClient state) => state.Api.Intake.Requests.PostAsync(new SubmitRequest
    {
        StateCode = MemberStateCode.KEN,
        RequestingAuthority = "Office of the Attorney General",
        ThematicAreas = [ThematicAreaCode.RATIFICATION],
        Instruments = [InstrumentCode.TERRORISTBOMBINGS1997],
        Needs = "Assistance to ratify the 1997 Bombings Convention.",
    });

    /// <summary>Funding's POSTs want an Idempotency-Key; the document declares it as a header parameter.</summary>
    private static void Idempotent<T>(RequestConfiguration<T> configuration) where T : class, new() =>
        configuration.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
}

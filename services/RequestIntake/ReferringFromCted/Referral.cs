using Programmes.Contracts;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.ReferringFromCted;

/// <summary>
/// Needs CTED identified, shared with the State's consent. They become a request that waits for the
/// State: no assistance without the State's request. A referral shared through coordination carries the State's
/// consent by definition (coordination shares no other); one CTED posts here directly says so itself.
/// </summary>
public static class Referral
{
    public static AssistanceRequest Receive(
        IntakeDb db, Guid referralId, string stateCode, IReadOnlyList<string> thematicAreas, IReadOnlyList<string> instruments,
        string recommendation, string assessmentReference, DateOnly assessmentDate, DateTimeOffset now, bool stateConsented = true)
    {
        var request = new AssistanceRequest
        {
            Id = Guid.CreateVersion7(now),
            StateCode = stateCode,
            Origin = RequestOrigin.CtedReferral,
            ThematicAreas = [.. thematicAreas],
            Instruments = [.. instruments],
            Needs = recommendation,
            ReferralId = referralId,
            AssessmentReference = assessmentReference,
            AssessmentDate = assessmentDate,
            StateConsented = stateConsented,
        };
        Telemetry.Tag(Telemetry.Attributes.RequestId, request.Id);
        Telemetry.Tag(Telemetry.Attributes.StateCode, stateCode);
        db.Requests.Add(request);
        db.Record(request, request.Refer(now));
        return request;
    }
}

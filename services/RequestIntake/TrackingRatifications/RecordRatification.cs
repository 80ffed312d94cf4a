using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.ReferenceData;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.RequestIntake.TrackingRatifications;

public sealed record RecordRatificationBody([property: EnumOf(typeof(RatificationStatus))] string? Status, [property: NotRequired] DateOnly? SignedOn, [property: NotRequired] DateOnly? EffectiveOn);

public sealed record RatificationView(string InstrumentCode, string ShortName, RatificationStatus Status, DateOnly? SignedOn, DateOnly? EffectiveOn, bool IsParty);

/// <summary>Staff record a State's status for one instrument; a change is published (planning counts ratifications that followed its assistance).</summary>
public static class RecordRatification
{
    public static async Task<Results<Ok<RatificationView>, ProblemHttpResult, ValidationProblem>> Handle(
        string stateCode, string instrumentCode, RecordRatificationBody body, ClaimsPrincipal user, IntakeDb db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!Reference.IsMemberState(stateCode) || !Reference.IsInstrument(instrumentCode))
        {
            return Problem.NotFound("The State or instrument");
        }
        var now = clock.GetUtcNow();
        var validation = Validate(body, DateOnly.FromDateTime(now.UtcDateTime), out var status);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }

        var existing = await db.Ratifications.FindAsync([stateCode, instrumentCode], cancellationToken);
        var previous = existing?.Status ?? RatificationStatus.None;
        if (previous == status && existing?.SignedOn == body.SignedOn && existing?.EffectiveOn == body.EffectiveOn)
        {
            return TypedResults.Ok(View(existing ?? new Ratification { StateCode = stateCode, InstrumentCode = instrumentCode, UpdatedBy = "" }));
        }

        var ratification = existing ?? db.Ratifications.Add(new Ratification { StateCode = stateCode, InstrumentCode = instrumentCode, UpdatedBy = "" }).Entity;
        ratification.Status = status;
        ratification.SignedOn = body.SignedOn;
        ratification.EffectiveOn = body.EffectiveOn;
        ratification.UpdatedAt = now;
        ratification.UpdatedBy = user.GetCaller().ClientId;
        Telemetry.Tag(Telemetry.Attributes.StateCode, stateCode);
        db.AddEvent(new RatificationStatusChanged(stateCode, instrumentCode, previous.ToString(), status.ToString(),
            body.EffectiveOn ?? body.SignedOn, now), $"{stateCode}/{instrumentCode}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(ratification));
    }

    public static RatificationView View(Ratification r) =>
        new(r.InstrumentCode, Reference.Instruments[r.InstrumentCode].ShortName, r.Status, r.SignedOn, r.EffectiveOn, Ratification.IsParty(r.Status));

    private static Validation Validate(RecordRatificationBody body, DateOnly today, out RatificationStatus status)
    {
        var validation = new Validation();
        status = default;
        var known = validation.Required(body.Status, "status", 20)
            && validation.Check(Enum.TryParse(body.Status, out status) && Enum.IsDefined(status), "status",
                $"must be one of {string.Join(", ", Enum.GetNames<RatificationStatus>())}.");
        if (known)
        {
            validation.Check(status != RatificationStatus.Signed || body.SignedOn is not null, "signedOn", "is required when the status is Signed.");
            validation.Check(status != RatificationStatus.None || body.SignedOn is null, "signedOn", "must be empty when the status is None.");
            validation.Check(!Ratification.IsParty(status) || body.EffectiveOn is not null, "effectiveOn", $"is required when the status is {status}.");
            validation.Check(Ratification.IsParty(status) || body.EffectiveOn is null, "effectiveOn", $"must be empty when the status is {status}.");
        }
        validation.Check(body.SignedOn is null || body.SignedOn <= today, "signedOn", "must not be in the future.");
        validation.Check(body.EffectiveOn is null || body.EffectiveOn <= today, "effectiveOn", "must not be in the future.");
        validation.Check(body.SignedOn is null || body.EffectiveOn is null || body.EffectiveOn >= body.SignedOn, "effectiveOn", "must not be before signedOn.");
        return validation;
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.RequestIntake.ScreeningRequest;

/// <summary>The reason is read as text so that an unknown one is reported together with the other fields.</summary>
public sealed record DeclineRequestBody([property: EnumOf(typeof(DeclineReason))] string? Reason, [property: NotRequired] string? Text);

public static class DeclineRequest
{
    public static async Task<Results<Ok<RequestView>, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, DeclineRequestBody body, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        DeclineReason reason = default;
        if (validation.Required(body.Reason, "reason", 40))
        {
            validation.Check(Enum.TryParse(body.Reason, ignoreCase: false, out reason) && Enum.IsDefined(reason), "reason",
                $"must be one of {string.Join(", ", Enum.GetNames<DeclineReason>())}.");
        }
        if (reason == DeclineReason.Other)
        {
            validation.Required(body.Text, "text", 2000);
        }
        else
        {
            validation.Optional(body.Text, "text", 2000);
        }
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }

        return await RequestChanges.ApplyAsync(db, await db.Requests.FindAsync([id], cancellationToken), RequestAction.Decline,
            request => request.Decline(reason, body.Text, clock.GetUtcNow()), cancellationToken);
    }
}

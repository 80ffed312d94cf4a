using System.Diagnostics.Metrics;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.Model;

/// <summary>Requests entering screening (a State's own, or a CTED referral the State endorsed), by State and thematic area.</summary>
internal static class IntakeMetrics
{
    private static readonly Counter<long> Submitted = Telemetry.CreateMeter("Intake").CreateCounter<long>(
        "programmes.intake.requests_submitted", description: "Requests that entered screening, counted once per thematic area, by State and area");

    public static void RecordSubmitted(AssistanceRequest request)
    {
        foreach (var area in request.ThematicAreas)
        {
            Submitted.Add(1, new KeyValuePair<string, object?>("state", request.StateCode), new KeyValuePair<string, object?>("thematic_area", area));
        }
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Programmes.ServiceDefaults;

/// <summary>
/// Names shared by every process's traces and metrics. Every component's ActivitySource and Meter is
/// named "Programmes.&lt;Component&gt;" so the service defaults pick them all up.
/// </summary>
public static class Telemetry
{
    public const string SourcePattern = "Programmes.*";

    /// <summary>Span attribute names. Never put contact details, tokens or secrets in an attribute.</summary>
    public static class Attributes
    {
        public const string RequestId = "programmes.request_id";
        public const string ProgrammeId = "programmes.programme_id";
        public const string StateCode = "programmes.state";
        public const string ThematicArea = "programmes.thematic_area";
        public const string MessageType = "programmes.message_type";
        public const string PartnerCode = "programmes.partner";
        public const string DonorId = "programmes.donor_id";
    }

    /// <summary>Tags the current span (if any) with a domain identifier; ids travel as strings, as OpenTelemetry expects.</summary>
    public static void Tag(string name, object? value) => Activity.Current?.SetTag(name, value is Guid id ? id.ToString() : value);

    /// <summary>
    /// Tags the current span with the requests a programme or message answers: one id, or several joined by
    /// commas, so that a "contains" filter on <see cref="Attributes.RequestId"/> finds every span of a request.
    /// </summary>
    public static void TagRequests(IEnumerable<Guid> requestIds)
    {
        var joined = string.Join(',', requestIds);
        if (joined.Length > 0)
        {
            Tag(Attributes.RequestId, joined);
        }
    }

    public static ActivitySource CreateSource(string component) => new($"Programmes.{component}");

    public static Meter CreateMeter(string component) => new($"Programmes.{component}");
}

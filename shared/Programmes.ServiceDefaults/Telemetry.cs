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

    /// <summary>Tags the current span (if any) with a domain identifier.</summary>
    public static void Tag(string name, object? value) => Activity.Current?.SetTag(name, value);

    public static ActivitySource CreateSource(string component) => new($"Programmes.{component}");

    public static Meter CreateMeter(string component) => new($"Programmes.{component}");
}

namespace Programmes.ProgrammePlanning.Model;

public enum ProgrammeStatus
{
    Draft,
    Proposed,
    Approved,
    InDelivery,
    Completed,
    Suspended,
    Cancelled,
}

public enum ProgrammeScope
{
    National,
    Regional,
}

/// <summary>Outcome of the human-rights compliance review (operative paragraph 6).</summary>
public enum ComplianceOutcome
{
    Cleared,
    ClearedWithConditions,
    NotCleared,
}

/// <summary>The kinds of institution whose officials take part in activities.</summary>
public static class InstitutionTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "POLICE", "PROSECUTION", "JUDICIARY", "CENTRAL-AUTHORITY", "FINANCIAL-INTELLIGENCE", "BORDER-CUSTOMS",
        "PRISON-CORRECTIONS", "LEGISLATURE", "MINISTRY", "CIVIL-SOCIETY", "OTHER",
    ];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}

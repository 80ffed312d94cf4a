namespace Programmes.UnitTests;

/// <summary>
/// How hard every property is tried. CsCheck prints the seed of a failing case in its exception message
/// ("Set seed: ..."); rerun one case with the environment variable <c>CsCheck_Seed</c>.
/// <c>CsCheck_Iter</c> raises the count for a deeper local run.
/// </summary>
public static class Properties
{
    /// <summary>At least 1,000 cases for every property in CI.</summary>
    public const int Iterations = 1_000;
}

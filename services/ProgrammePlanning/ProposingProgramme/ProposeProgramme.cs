using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.ProposingProgramme;

/// <summary>
/// Staff propose a draft: coordination receives it for partner clearance, funding its budget. From here
/// the programme waits for clearance, full funding and a cleared compliance review, in any order.
/// </summary>
public static class ProposeProgrammeEndpoint
{
    public static IEndpointRouteBuilder MapProposingProgramme(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/planning/programmes/{id:guid}/proposal", Handle).RequireRoles(Roles.Staff).WithTags("Programmes");
        return app;
    }

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> Handle(
        Guid id, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ProgrammeChanges.ApplyAsync(db, id, programme =>
        {
            if (programme.Status != ProgrammeStatus.Draft)
            {
                return Problem.IllegalTransition("propose the programme", programme.Status.ToString());
            }
            var missing = programme.MissingForProposal();
            return missing.Count > 0
                ? Problem.Conflict($"The programme needs {string.Join(", ", missing)} before it can be proposed.")
                : programme.Propose(clock.GetUtcNow());
        }, cancellationToken);
}

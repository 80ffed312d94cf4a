using Programmes.ProgrammePlanning.Model;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.PlanningActivities;

public sealed record PlaceInput([property: NotRequired] string? StateCode, [property: NotRequired] string? City, [property: NotRequired] bool Online);

public sealed record ParticipantsInput([property: NotRequired] int? Women, [property: NotRequired] int? Men, [property: NotRequired] int? Other);

/// <summary>An activity's budget lines. Programmes are budgeted in US dollars: <c>currency</c> may be left out, and if sent must be USD.</summary>
public sealed record BudgetInput([property: NotRequired] decimal? Experts, [property: NotRequired] decimal? Travel, [property: NotRequired] decimal? Venue,
    [property: NotRequired] decimal? Translation, [property: NotRequired] decimal? Other, [property: NotRequired] string? Currency = null)
{
    public const string BudgetCurrency = "USD";
}

/// <summary>An activity as staff plan it; validated against the programme it belongs to.</summary>
public sealed record ActivityInput(
    string? Title,
    string? Modality,
    string? ThematicArea,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    PlaceInput? Place,
    ParticipantsInput? PlannedParticipants,
    List<string>? TargetInstitutions,
    BudgetInput? Budget)
{
    /// <summary>
    /// Checks the input against the programme and returns the plan it describes. The plan holds placeholders for
    /// missing values, so it is for <see cref="Validation.Yields"/> only: it leaves there only when every field was valid.
    /// </summary>
    public ActivityPlan Validate(Validation v, string prefix, IReadOnlyCollection<string> programmeStates, IReadOnlyCollection<string> programmeAreas)
    {
        var title = v.Text(Title, $"{prefix}title", 200);
        if (v.Required(Modality, $"{prefix}modality", 40))
        {
            v.Code(Modality, $"{prefix}modality", CodeLists.DeliveryModalities);
        }
        if (v.Required(ThematicArea, $"{prefix}thematicArea", 40))
        {
            v.Check(programmeAreas.Contains(ThematicArea), $"{prefix}thematicArea", "must be one of the programme's thematic areas.");
        }
        var start = v.Present(PlannedStart, $"{prefix}plannedStart");
        var end = v.Present(PlannedEnd, $"{prefix}plannedEnd");
        if (PlannedStart is not null && PlannedEnd is not null)
        {
            v.Check(end >= start, $"{prefix}plannedEnd", "must not be before plannedStart.");
        }
        var place = v.Present(Place, $"{prefix}place", new PlaceInput(null, null, false));
        if (Place is { Online: true, StateCode: { } onlineState })
        {
            v.Check(programmeStates.Contains(onlineState), $"{prefix}place.stateCode", "must be one of the programme's States.");
        }
        else if (Place is { Online: false } && v.MemberState(Place.StateCode, $"{prefix}place.stateCode"))
        {
            v.Check(programmeStates.Contains(Place.StateCode), $"{prefix}place.stateCode", "must be one of the programme's States.");
            v.Required(Place.City, $"{prefix}place.city", 100);
        }
        var p = PlannedParticipants;
        v.Check(p is not null, $"{prefix}plannedParticipants", "is required.");
        v.Check(p?.Women is null or >= 0, $"{prefix}plannedParticipants.women", "must not be negative.");
        v.Check(p?.Men is null or >= 0, $"{prefix}plannedParticipants.men", "must not be negative.");
        v.Check(p?.Other is null or >= 0, $"{prefix}plannedParticipants.other", "must not be negative.");
        v.Codes(TargetInstitutions, $"{prefix}targetInstitutions", CodeLists.InstitutionTypes);
        var budget = v.Present(Budget, $"{prefix}budget", new BudgetInput(null, null, null, null, null));
        if (Budget is not null)
        {
            Money(v, budget.Experts, $"{prefix}budget.experts");
            Money(v, budget.Travel, $"{prefix}budget.travel");
            Money(v, budget.Venue, $"{prefix}budget.venue");
            Money(v, budget.Translation, $"{prefix}budget.translation");
            Money(v, budget.Other, $"{prefix}budget.other");
            v.Check(budget.Currency is null or BudgetInput.BudgetCurrency, $"{prefix}budget.currency", "must be USD: programmes are budgeted in US dollars.");
        }
        return new ActivityPlan(title, Modality ?? "", ThematicArea ?? "", start, end, place.Online, place.StateCode, place.City,
            p?.Women ?? 0, p?.Men ?? 0, p?.Other ?? 0, TargetInstitutions ?? [],
            budget.Experts ?? 0, budget.Travel ?? 0, budget.Venue ?? 0, budget.Translation ?? 0, budget.Other ?? 0);
    }

    private static void Money(Validation v, decimal? amount, string field)
    {
        if (amount is not null)
        {
            v.Money(amount, ReferenceData.Money.UsdCode, field, allowZero: true);
        }
    }
}

/// <summary>An activity's plan once valid: nothing required is missing; absent counts and budget lines are zero.</summary>
public sealed record ActivityPlan(string Title, string Modality, string ThematicArea, DateOnly PlannedStart, DateOnly PlannedEnd,
    bool Online, string? StateCode, string? City, int Women, int Men, int Other, List<string> TargetInstitutions,
    decimal Experts, decimal Travel, decimal Venue, decimal Translation, decimal OtherCosts)
{
    public void ApplyTo(Activity activity)
    {
        activity.Title = Title;
        activity.Modality = Modality;
        activity.ThematicArea = ThematicArea;
        activity.PlannedStart = PlannedStart;
        activity.PlannedEnd = PlannedEnd;
        activity.Online = Online;
        activity.StateCode = StateCode;
        activity.City = City;
        activity.PlannedWomen = Women;
        activity.PlannedMen = Men;
        activity.PlannedOther = Other;
        activity.TargetInstitutions = [.. TargetInstitutions];
        activity.SetBudget(Experts, Travel, Venue, Translation, OtherCosts);
    }

    public Activity ToActivity(Guid programmeId)
    {
        var activity = new Activity { Id = Guid.CreateVersion7(), ProgrammeId = programmeId, Title = "", Modality = "", ThematicArea = "" };
        ApplyTo(activity);
        return activity;
    }
}

using Programmes.ProgrammePlanning.Model;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.PlanningActivities;

public sealed record PlaceInput([property: NotRequired] string? StateCode, [property: NotRequired] string? City, [property: NotRequired] bool Online);

public sealed record ParticipantsInput([property: NotRequired] int? Women, [property: NotRequired] int? Men, [property: NotRequired] int? Other);

public sealed record BudgetInput([property: NotRequired] decimal? Experts, [property: NotRequired] decimal? Travel, [property: NotRequired] decimal? Venue, [property: NotRequired] decimal? Translation, [property: NotRequired] decimal? Other);

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
    public void Validate(Validation v, string prefix, IReadOnlyCollection<string> programmeStates, IReadOnlyCollection<string> programmeAreas)
    {
        v.Required(Title, $"{prefix}title", 200);
        if (v.Required(Modality, $"{prefix}modality", 40))
        {
            v.Check(Reference.IsDeliveryModality(Modality), $"{prefix}modality", $"'{Modality}' is not a known delivery modality.");
        }
        if (v.Required(ThematicArea, $"{prefix}thematicArea", 40))
        {
            v.Check(programmeAreas.Contains(ThematicArea!), $"{prefix}thematicArea", "must be one of the programme's thematic areas.");
        }
        v.Check(PlannedStart is not null, $"{prefix}plannedStart", "is required.");
        v.Check(PlannedEnd is not null, $"{prefix}plannedEnd", "is required.");
        if (PlannedStart is not null && PlannedEnd is not null)
        {
            v.Check(PlannedEnd >= PlannedStart, $"{prefix}plannedEnd", "must not be before plannedStart.");
        }
        if (Place is null)
        {
            v.Add($"{prefix}place", "is required.");
        }
        else if (Place.Online)
        {
            if (Place.StateCode is not null)
            {
                v.Check(programmeStates.Contains(Place.StateCode), $"{prefix}place.stateCode", "must be one of the programme's States.");
            }
        }
        else if (v.MemberState(Place.StateCode, $"{prefix}place.stateCode"))
        {
            v.Check(programmeStates.Contains(Place.StateCode!), $"{prefix}place.stateCode", "must be one of the programme's States.");
            v.Required(Place.City, $"{prefix}place.city", 100);
        }
        var p = PlannedParticipants;
        v.Check(p is not null, $"{prefix}plannedParticipants", "is required.");
        v.Check(p?.Women is null or >= 0, $"{prefix}plannedParticipants.women", "must not be negative.");
        v.Check(p?.Men is null or >= 0, $"{prefix}plannedParticipants.men", "must not be negative.");
        v.Check(p?.Other is null or >= 0, $"{prefix}plannedParticipants.other", "must not be negative.");
        v.Codes(TargetInstitutions, $"{prefix}targetInstitutions", InstitutionTypes.IsKnown, "institution type");
        if (Budget is null)
        {
            v.Add($"{prefix}budget", "is required.");
            return;
        }
        Money(v, Budget.Experts, $"{prefix}budget.experts");
        Money(v, Budget.Travel, $"{prefix}budget.travel");
        Money(v, Budget.Venue, $"{prefix}budget.venue");
        Money(v, Budget.Translation, $"{prefix}budget.translation");
        Money(v, Budget.Other, $"{prefix}budget.other");
    }

    private static void Money(Validation v, decimal? amount, string field)
    {
        if (amount is not null)
        {
            v.Money(amount, ReferenceData.Money.UsdCode, field, allowZero: true);
        }
    }

    /// <summary>Copies the (validated) input onto <paramref name="activity"/>.</summary>
    public void ApplyTo(Activity activity)
    {
        activity.Title = Title!;
        activity.Modality = Modality!;
        activity.ThematicArea = ThematicArea!;
        activity.PlannedStart = PlannedStart!.Value;
        activity.PlannedEnd = PlannedEnd!.Value;
        activity.Online = Place!.Online;
        activity.StateCode = Place.StateCode;
        activity.City = Place.City;
        activity.PlannedWomen = PlannedParticipants?.Women ?? 0;
        activity.PlannedMen = PlannedParticipants?.Men ?? 0;
        activity.PlannedOther = PlannedParticipants?.Other ?? 0;
        activity.TargetInstitutions = [.. TargetInstitutions!];
        activity.SetBudget(Budget!.Experts ?? 0, Budget.Travel ?? 0, Budget.Venue ?? 0, Budget.Translation ?? 0, Budget.Other ?? 0);
    }

    public Activity ToActivity(Guid programmeId)
    {
        var activity = new Activity { Id = Guid.CreateVersion7(), ProgrammeId = programmeId, Title = "", Modality = "", ThematicArea = "" };
        ApplyTo(activity);
        return activity;
    }
}

namespace Programmes.Console.Api;

public sealed record TimelineEntry(DateTimeOffset At, string Kind, string? Description, Guid? ProgrammeId);

public sealed record AssistanceRequest(
    Guid Id,
    string StateCode,
    string Origin,
    string Status,
    string? RequestingAuthority,
    string[] ThematicAreas,
    string[] Instruments,
    string? Needs,
    DateOnly? DesiredStart,
    DateOnly? DesiredEnd,
    string[] OpenQuestions,
    string? LastAnswer,
    string? DeclineReason,
    string? DeclineText,
    DateTimeOffset? SubmittedAt,
    TimelineEntry[] Timeline);

public sealed record Paged<T>(T[] Items, int Page, int PageSize, int Total);

public sealed record NewRequest(
    string StateCode,
    string? RequestingAuthority,
    string? ContactPerson,
    string? ContactEmail,
    string? ContactPhone,
    string[] ThematicAreas,
    string[] Instruments,
    string? Needs,
    string? Priorities,
    DateOnly? DesiredStart,
    DateOnly? DesiredEnd,
    string[] PreferredModalities,
    string[] BeneficiaryInstitutions);

public sealed record InstrumentStatus(string InstrumentCode, string ShortName, string Status, DateOnly? SignedOn, DateOnly? EffectiveOn, bool IsParty);

public sealed record StateRatifications(string StateCode, InstrumentStatus[] Instruments, string[] Gaps);

public sealed record CentralAuthority(
    Guid Id, string StateCode, string Kind, string Name, string? Address, string? Phone, string? Email,
    string[] Languages, string[] Channels, string? Notes, DateOnly? LastConfirmed);

/// <summary>Request intake (<c>/api/intake</c>), as the console uses it.</summary>
public sealed class IntakeApi(ProgrammesApi api)
{
    public Task<ApiResult<Paged<AssistanceRequest>>> RequestsAsync(string? status = null, int page = 1) =>
        api.GetAsync<Paged<AssistanceRequest>>($"api/intake/requests?page={page}&pageSize=50{(status is null ? "" : $"&status={Uri.EscapeDataString(status)}")}");

    public Task<ApiResult<AssistanceRequest>> RequestAsync(Guid id) => api.GetAsync<AssistanceRequest>($"api/intake/requests/{id}");

    public Task<ApiResult<AssistanceRequest>> SubmitAsync(NewRequest request, string idempotencyKey) =>
        api.PostAsync<AssistanceRequest>("api/intake/requests", request, idempotencyKey);

    public Task<ApiResult<AssistanceRequest>> AnswerAsync(Guid id, string? answer) =>
        api.PostAsync<AssistanceRequest>($"api/intake/requests/{id}/answers", new { answer });

    public Task<ApiResult<AssistanceRequest>> EndorseAsync(Guid id, string? requestingAuthority) =>
        api.PostAsync<AssistanceRequest>($"api/intake/requests/{id}/endorse", new { requestingAuthority });

    public Task<ApiResult<AssistanceRequest>> DeclineReferralAsync(Guid id, string? comment) =>
        api.PostAsync<AssistanceRequest>($"api/intake/requests/{id}/decline-referral", new { comment });

    public Task<ApiResult<AssistanceRequest>> AcceptAsync(Guid id) => api.PostAsync<AssistanceRequest>($"api/intake/requests/{id}/accept", null);

    public Task<ApiResult<AssistanceRequest>> DeclineAsync(Guid id, string? reason, string? text) =>
        api.PostAsync<AssistanceRequest>($"api/intake/requests/{id}/decline", new { reason, text });

    public Task<ApiResult<AssistanceRequest>> AskAsync(Guid id, string[] questions) =>
        api.PostAsync<AssistanceRequest>($"api/intake/requests/{id}/information-request", new { questions });

    public Task<ApiResult<StateRatifications>> RatificationsAsync(string stateCode) =>
        api.GetAsync<StateRatifications>($"api/intake/ratifications/{Uri.EscapeDataString(stateCode)}");

    public Task<ApiResult<Paged<CentralAuthority>>> CentralAuthoritiesAsync(string stateCode) =>
        api.GetAsync<Paged<CentralAuthority>>($"api/intake/central-authorities?stateCode={Uri.EscapeDataString(stateCode)}&pageSize=100");
}

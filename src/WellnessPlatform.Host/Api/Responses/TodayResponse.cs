using WellnessPlatform.Contracts.Employees;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>Today's routine, with the employer's incident and workers'-compensation links beside it.</summary>
public sealed record TodayResponse(TodayRoutine Routine, TenantLinks Links);

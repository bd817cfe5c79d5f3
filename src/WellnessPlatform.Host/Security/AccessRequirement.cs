using Microsoft.AspNetCore.Authorization;

namespace WellnessPlatform.Host.Security;

/// <summary>The requirement behind each <see cref="AccessRule"/> policy.</summary>
public sealed record AccessRequirement(AccessRule Rule) : IAuthorizationRequirement;

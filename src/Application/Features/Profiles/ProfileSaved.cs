using FitCoach.Domain.Profiles;
using MediatR;

namespace FitCoach.Application.Features.Profiles;

/// <summary>
/// Published after a profile is stored, with the profile as stored. A retried <c>PUT</c> stores the same profile and
/// publishes again, so every handler must be idempotent: the retry then repairs whatever a failure left half done (a
/// cached user context not dropped, a board name not written).
/// </summary>
public sealed record ProfileSaved(string UserId, UserProfile Profile) : INotification;

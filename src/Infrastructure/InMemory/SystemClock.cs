using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.InMemory;

/// <summary>The wall clock, registered by <c>AddFitCoachStores</c> unless the host registered its own.</summary>
public sealed class SystemClock : IClock
{
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}

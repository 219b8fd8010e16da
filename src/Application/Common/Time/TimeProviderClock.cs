using Microsoft.Extensions.Internal;

namespace FitCoach.Application.Common.Time;

/// <summary>The app's <see cref="TimeProvider"/> as the clock <c>MemoryCache</c> asks for, so bounded caches expire on the same time.</summary>
public sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}

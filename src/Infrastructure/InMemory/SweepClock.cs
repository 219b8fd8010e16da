namespace FitCoach.Infrastructure.InMemory;

/// <summary>
/// Monotonic time for the in-process stores (a wall-clock adjustment must not stretch or shrink a window or a time to
/// live) and the schedule of their sweeps, which drop expired state so memory follows what is still live.
/// </summary>
internal sealed class SweepClock
{
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long _sweepInterval;
    private long _nextSweep;

    public SweepClock(TimeProvider? timeProvider, TimeSpan sweepInterval)
    {
        _time = timeProvider ?? TimeProvider.System;
        _origin = _time.GetTimestamp();
        _sweepInterval = sweepInterval.Ticks;
        _nextSweep = _sweepInterval;
    }

    public TimeProvider TimeProvider => _time;

    /// <summary>Ticks elapsed since this clock was created.</summary>
    public long Now => _time.GetElapsedTime(_origin).Ticks;

    /// <summary>True for exactly one caller once the sweep interval has passed since the previous sweep.</summary>
    public bool TryStartSweep()
    {
        var due = Volatile.Read(ref _nextSweep);
        var now = Now;
        return now >= due && Interlocked.CompareExchange(ref _nextSweep, now + _sweepInterval, due) == due;
    }
}

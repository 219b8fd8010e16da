using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;
using MediatR;

namespace FitCoach.Application.Features.Workouts.Recording;

/// <summary>
/// Puts workouts into history once and announces them. Personal records are judged against the best e1RM per
/// exercise read by key from the user's maintained summary (never by listing history), the store adds each workout
/// and folds it into that summary atomically, and <see cref="WorkoutRecorded"/> lets leaderboards and caches follow.
/// A workout whose id is already stored is returned as stored and announced again, so a retried request repairs a
/// side effect that failed the first time. The cost of a write does not depend on how long the history is.
/// </summary>
public sealed class WorkoutRecorder(IWorkoutStore store, IMediator mediator, TimeProvider time)
{
    /// <summary>A workout performed this long before it is recorded is backdated: history yes, public boards no.</summary>
    public static readonly TimeSpan RankedWindow = TimeSpan.FromHours(48);

    public async Task<Workout> RecordAsync(string userId, Workout draft, CancellationToken cancellationToken) =>
        (await RecordManyAsync(userId, [draft], cancellationToken))[0];

    /// <summary>
    /// Records many workouts with one summary read and one store round trip; returns each as stored (a workout whose
    /// id existed comes back as it was first stored). Records within the batch are judged in performed-at order.
    /// </summary>
    public async Task<IReadOnlyList<Workout>> RecordManyAsync(string userId, IReadOnlyList<Workout> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var now = time.GetUtcNow();
        var ordered = drafts
            .Select((draft, index) => (Draft: draft, Index: index))
            .OrderBy(d => d.Draft.PerformedAt)
            .ThenBy(d => d.Index)
            .ToList();
        var exerciseIds = drafts.SelectMany(d => d.Exercises).Select(e => e.ExerciseId).Distinct(StringComparer.Ordinal).ToList();
        var summary = await store.GetSummaryAsync(userId, new SummaryQuery(exerciseIds, [], []), cancellationToken);

        var prepared = new Workout[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var draft = ordered[i].Draft;
            prepared[i] = draft with
            {
                UserId = userId,
                PersonalRecords = WorkoutMath.PersonalRecords(draft.Exercises, summary.BestE1rmKg),
                Ranked = draft.Ranked && now - draft.PerformedAt <= RankedWindow,
            };

            // The next workout of the batch is judged against this one too, by the rule the store applies.
            summary.Apply(prepared[i]);
        }

        var added = await store.AddManyAsync(userId, prepared, cancellationToken);
        // A workout that existed (a retry, another device finishing the same session) is the stored copy.
        var recorded = await Task.WhenAll(ordered.Select(async (o, i) => (o.Index, Workout: added[i]
            ? prepared[i]
            : await store.GetAsync(userId, prepared[i].Id, cancellationToken) ?? prepared[i])));
        Array.Sort(recorded, (a, b) => a.Index.CompareTo(b.Index));

        var workouts = recorded.Select(r => r.Workout).ToList();
        await mediator.Publish(new WorkoutRecorded(userId, workouts), cancellationToken);
        return workouts;
    }
}

using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Workouts.ListWorkouts;

/// <summary><c>GET /api/workouts?from&amp;to</c>: history in a range (default: the last 30 days), oldest first.</summary>
public sealed record ListWorkoutsQuery(string UserId, DateTimeOffset? From, DateTimeOffset? To) : IQuery<IReadOnlyList<WorkoutDto>>;

public sealed class ListWorkoutsQueryHandler(IWorkoutStore store, TimeProvider time, IMapper mapper)
    : IRequestHandler<ListWorkoutsQuery, IReadOnlyList<WorkoutDto>>
{
    public async Task<IReadOnlyList<WorkoutDto>> Handle(ListWorkoutsQuery request, CancellationToken cancellationToken)
    {
        var to = request.To ?? time.GetUtcNow();
        var from = request.From ?? to.AddDays(-30);
        var workouts = await store.ListAsync(request.UserId, from, to, cancellationToken);
        return mapper.Map<List<WorkoutDto>>(workouts);
    }
}

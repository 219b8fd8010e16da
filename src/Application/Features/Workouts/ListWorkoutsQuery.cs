using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FluentValidation;
using MediatR;

namespace FitCoach.Application.Features.Workouts;

/// <summary><c>GET /api/workouts?from&amp;to</c>: history in a range (default: the last 30 days), oldest first.</summary>
public sealed record ListWorkoutsQuery(string UserId, DateTimeOffset? From, DateTimeOffset? To) : IQuery<IReadOnlyList<WorkoutDto>>;

public sealed class ListWorkoutsQueryValidator : AbstractValidator<ListWorkoutsQuery>
{
    public ListWorkoutsQueryValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
        RuleFor(q => q)
            .Must(q => q.From is null || q.To is null || q.To.Value - q.From.Value <= TimeSpan.FromDays(3 * 366))
            .WithName("from")
            .WithMessage("A range spans at most three years.");
    }
}

public sealed class ListWorkoutsQueryHandler(IWorkoutStore store, IClock clock) : IRequestHandler<ListWorkoutsQuery, IReadOnlyList<WorkoutDto>>
{
    public async Task<IReadOnlyList<WorkoutDto>> Handle(ListWorkoutsQuery request, CancellationToken cancellationToken)
    {
        var to = request.To ?? clock.UtcNow;
        var from = request.From ?? to.AddDays(-30);
        var workouts = await store.ListAsync(request.UserId, from, to, cancellationToken);
        return [.. workouts.Select(WorkoutDto.From)];
    }
}

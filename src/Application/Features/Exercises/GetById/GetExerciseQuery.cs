using FitCoach.Application.Common.Messaging;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Exercises.GetById;

/// <summary><c>GET /api/exercises/{id}</c>: a catalog exercise, or one of the caller's own.</summary>
public sealed record GetExerciseQuery(string UserId, string Id) : IQuery<ExerciseDto>;

public sealed class GetExerciseQueryHandler(ExerciseLookup exercises, IMapper mapper)
    : IRequestHandler<GetExerciseQuery, ExerciseDto>
{
    public async Task<ExerciseDto> Handle(GetExerciseQuery request, CancellationToken cancellationToken) =>
        mapper.Map<ExerciseDto>(await exercises.RequireAsync(request.UserId, request.Id, cancellationToken));
}

using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Exercises.GetById;

/// <summary><c>GET /api/exercises/{id}</c>: a catalog exercise, or one of the caller's own.</summary>
public sealed record GetExerciseQuery(string UserId, string Id) : IQuery<ExerciseDto>;

public sealed class GetExerciseQueryHandler(IExerciseCatalog catalog, ICustomExerciseStore customStore, IMapper mapper)
    : IRequestHandler<GetExerciseQuery, ExerciseDto>
{
    public async Task<ExerciseDto> Handle(GetExerciseQuery request, CancellationToken cancellationToken)
    {
        var exercise = catalog.Find(request.Id);
        if (exercise is null)
        {
            var customs = await customStore.ListAsync(request.UserId, cancellationToken);
            exercise = customs.FirstOrDefault(e => string.Equals(e.Id, request.Id, StringComparison.OrdinalIgnoreCase));
        }

        return exercise is null
            ? throw new NotFoundException("Exercise", request.Id)
            : mapper.Map<ExerciseDto>(exercise);
    }
}

using System.ComponentModel;
using FitCoach.Domain.Exercises;
using Mapster;

namespace FitCoach.Application.Features.Exercises;

/// <summary>The contract's <c>Exercise</c> shape; <see cref="Custom"/> marks one the caller created.</summary>
[ImmutableObject(true)]
public sealed record ExerciseDto(
    string Id,
    string Name,
    string Equipment,
    IReadOnlyList<string> PrimaryMuscles,
    IReadOnlyList<string> SecondaryMuscles,
    string Category,
    string Level,
    string? Force,
    string? Mechanic,
    bool Custom);

public sealed class ExerciseMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<Exercise, ExerciseDto>()
            .Map(dest => dest.Custom, src => src.OwnerId != null);
}

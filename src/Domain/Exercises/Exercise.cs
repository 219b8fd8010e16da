namespace FitCoach.Domain.Exercises;

/// <summary>
/// An exercise from the shipped catalog or one a user created. <see cref="Equipment"/> uses the contract vocabulary
/// (see <see cref="EquipmentVocabulary"/>); <see cref="OwnerId"/> is set only for custom exercises.
/// </summary>
public sealed record Exercise(
    string Id,
    string Name,
    string Equipment,
    IReadOnlyList<string> PrimaryMuscles,
    IReadOnlyList<string> SecondaryMuscles,
    string Category,
    string Level,
    string? Force,
    string? Mechanic)
{
    public string? OwnerId { get; init; }

    public bool IsCustom => OwnerId is not null;
}

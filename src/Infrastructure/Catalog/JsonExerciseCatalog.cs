using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Exercises;

namespace FitCoach.Infrastructure.Catalog;

/// <summary>
/// The catalog shipped with the app (<c>exercises.json</c>, public domain; see LICENSE-exercises.txt), embedded in
/// this assembly and loaded once. Catalog equipment words are mapped to the contract vocabulary; a missing one
/// means the move needs nothing but the body.
/// </summary>
public sealed class JsonExerciseCatalog : IExerciseCatalog
{
    private readonly FrozenDictionary<string, Exercise> _byId;

    public JsonExerciseCatalog(IEnumerable<Exercise> exercises)
    {
        All = [.. exercises];
        _byId = All.ToFrozenDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Exercise> All { get; }

    public Exercise? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Loads the catalog embedded in this assembly.</summary>
    public static JsonExerciseCatalog LoadEmbedded()
    {
        using var stream = typeof(JsonExerciseCatalog).Assembly.GetManifestResourceStream("FitCoach.exercises.json")
            ?? throw new InvalidOperationException("The embedded exercise catalog is missing from the build.");
        return Load(stream);
    }

    public static JsonExerciseCatalog Load(Stream json)
    {
        var raw = JsonSerializer.Deserialize(json, CatalogJsonContext.Default.ListCatalogEntry)
            ?? throw new InvalidOperationException("The exercise catalog is empty.");
        return new JsonExerciseCatalog(raw.Select(ToExercise));
    }

    private static Exercise ToExercise(CatalogEntry e) => new(
        e.Id,
        e.Name,
        EquipmentVocabulary.Normalize(e.Equipment) ?? EquipmentVocabulary.Bodyweight,
        e.PrimaryMuscles ?? [],
        e.SecondaryMuscles ?? [],
        e.Category ?? "strength",
        e.Level ?? "beginner",
        e.Force,
        e.Mechanic);

    internal sealed record CatalogEntry(
        string Id,
        string Name,
        string? Force,
        string? Level,
        string? Mechanic,
        string? Equipment,
        IReadOnlyList<string>? PrimaryMuscles,
        IReadOnlyList<string>? SecondaryMuscles,
        string? Category);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<JsonExerciseCatalog.CatalogEntry>))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;

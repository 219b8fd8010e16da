namespace FitCoach.Application.Common.Ports;

/// <summary>
/// The catalog's exercise names as sentence vectors (optional: present when an embedding model is configured). The
/// create-or-match fallback asks it which catalog exercises are nearest in meaning to a name that words alone could not
/// resolve. Without a model, before the model and the name vectors are ready, or when the model fails, every answer is
/// empty: callers then match on words alone, at once, and nothing is thrown for that.
/// </summary>
public interface IExerciseNameVectors
{
    /// <summary>
    /// How similarities from the model behind are read when matching names (they are a property of the model); null
    /// when there is no model or it has not been calibrated for names, and then no name is matched by meaning.
    /// </summary>
    ExerciseNameCalibration? Calibration { get; }

    /// <summary>
    /// The catalog exercises whose names are nearest in meaning to <paramref name="name"/>, best first, at most
    /// <paramref name="limit"/>, with their cosine similarity; empty when not available now.
    /// </summary>
    Task<IReadOnlyList<ExerciseNameNeighbour>> NearestAsync(string name, int limit, CancellationToken cancellationToken);

    /// <summary>The cosine similarity of two short texts (single words, in practice); null when not available now.</summary>
    Task<double?> SimilarityAsync(string first, string second, CancellationToken cancellationToken);
}

/// <summary>A catalog exercise and the cosine similarity of its name to the name asked about.</summary>
public readonly record struct ExerciseNameNeighbour(string ExerciseId, double Similarity);

/// <summary>
/// A model's thresholds for matching exercise names by meaning, measured on a set of names (see
/// docs/BENCHMARKS.md, "Matcher: meaning fallback"): the nearest name must be at least <see cref="MinSimilarity"/>
/// similar and <see cref="MinMargin"/> ahead of the next plausible one; a word the catalog does not know may stand in
/// for one of the candidate's words only when the two words are at least <see cref="MinWordSimilarity"/> similar.
/// </summary>
public sealed record ExerciseNameCalibration(double MinSimilarity, double MinMargin, double MinWordSimilarity);

using System.Collections.Frozen;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Exercises;

namespace FitCoach.Application.Features.Exercises.Matching;

/// <summary>
/// The create-or-match fallback for a name that words alone could not resolve: the catalog exercise whose name is
/// nearest in meaning (<see cref="IExerciseNameVectors"/>), accepted only when it is clearly right, because a wrong
/// match is worse than creating a custom exercise. Off (null at once) without a calibrated embedding model or while
/// the model and the name vectors are not ready.
/// </summary>
/// <remarks>
/// A sentence model alone cannot tell a maker's name from a variant's ("Atlantis leg press" is a leg press, "Copenhagen
/// plank" is not a plank), nor "inner thigh" from "outer thigh", so the nearest name must also pass word checks that
/// the catalog's vocabulary makes possible:
/// <list type="bullet">
/// <item>equipment the name or the request gives must be the candidate's;</item>
/// <item>every movement word the catalog knows ("press", "curl", "thigh") must be in the candidate's name or one of
/// its aliases: the model may bridge words the catalog does not know, never overrule words it does;</item>
/// <item>the candidate may have one movement word the name lacks only when a word the catalog does not know stands in
/// for it, judged by the model word against word ("cycle" for "bike", "rower" for "rowing");</item>
/// <item>other words the catalog does not know are taken as a maker's or model name, which labels machines: they are
/// passed over only for a machine or cable exercise whose whole name of two movement words or more the name
/// gives ("Life Fitness leg press");</item>
/// <item>the nearest name must reach the model's <see cref="ExerciseNameCalibration.MinSimilarity"/> and lead the
/// next candidate that passes the same checks by <see cref="ExerciseNameCalibration.MinMargin"/>.</item>
/// </list>
/// </remarks>
public sealed class ExerciseMeaningMatcher
{
    /// <summary>How many nearest names are read: the nearest and the ones that could be a close second.</summary>
    public const int Neighbours = 10;

    // A maker's name stands in front of a machine: "Life Fitness leg press", "Concept 2 rower".
    private static readonly FrozenSet<string> MakerLabelledEquipment =
        new[] { EquipmentVocabulary.Machine, EquipmentVocabulary.Cable }.ToFrozenSet(StringComparer.Ordinal);

    private readonly IExerciseNameVectors _vectors;
    private readonly IExerciseCatalog _catalog;
    private readonly FrozenSet<string> _vocabulary;
    private readonly FrozenDictionary<string, string[][]> _names;

    public ExerciseMeaningMatcher(IExerciseNameVectors vectors, IExerciseCatalog catalog)
    {
        _vectors = vectors ?? throw new ArgumentNullException(nameof(vectors));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        var names = new Dictionary<string, string[][]>(StringComparer.Ordinal);
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exercise in catalog.All.Where(e => !e.IsCustom))
        {
            var aliases = CatalogAliases.ById.TryGetValue(exercise.Id, out var found) ? found : [];
            var entries = aliases.Prepend(exercise.Name)
                .Select(text => QueryNormalizer.Normalize(text).ToArray())
                .Where(tokens => tokens.Length > 0)
                .ToArray();
            names[exercise.Id] = entries;
            foreach (var entry in entries)
            {
                vocabulary.UnionWith(entry);
            }
        }

        _names = names.ToFrozenDictionary(StringComparer.Ordinal);
        _vocabulary = vocabulary.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The catalog exercise <paramref name="name"/> means, with its name's cosine similarity as the score, or null when
    /// none is clearly right (or matching by meaning is off now). <paramref name="equipment"/> is the request's hint in
    /// the contract vocabulary.
    /// </summary>
    public async Task<ExerciseMatch?> MatchAsync(string name, string? equipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var calibration = _vectors.Calibration;
        if (calibration is null)
        {
            return null;
        }

        var query = Analyze(name, equipment);
        if (query.KnownMovementWords.Count == 0)
        {
            // Nothing the catalog knows to anchor a match ("airdyne", "burpees"): the model alone is not trusted.
            return null;
        }

        var neighbours = await _vectors.NearestAsync(name, Neighbours, cancellationToken);
        if (neighbours.Count == 0 || neighbours[0].Similarity < calibration.MinSimilarity)
        {
            return null;
        }

        var nearest = neighbours[0];
        var exercise = _catalog.Find(nearest.ExerciseId);
        if (exercise is null || !await IsPlausibleAsync(query, exercise, calibration, cancellationToken))
        {
            return null;
        }

        // Only a plausible alternative within the margin makes the choice a guess.
        foreach (var other in neighbours.Skip(1))
        {
            if (nearest.Similarity - other.Similarity >= calibration.MinMargin)
            {
                break;
            }

            if (_catalog.Find(other.ExerciseId) is { } alternative && await IsPlausibleAsync(query, alternative, calibration, cancellationToken))
            {
                return null;
            }
        }

        return new ExerciseMatch(exercise, Math.Round(nearest.Similarity, 6));
    }

    private Query Analyze(string name, string? equipment)
    {
        var tokens = QueryNormalizer.Normalize(name, equipment);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var token in tokens)
        {
            if (MatchVocabulary.EquipmentTokens.TryGetValue(token, out var named))
            {
                asked.Add(named);
            }
            else if (MatchVocabulary.IsNumber(token) || MatchVocabulary.Fillers.Contains(token))
            {
                continue;
            }
            else if (!_vocabulary.Contains(token))
            {
                unknown.Add(token);
            }
            else if (!MatchVocabulary.Qualifiers.Contains(token))
            {
                known.Add(token);
            }
        }

        return new Query(tokens.ToFrozenSet(StringComparer.Ordinal), asked, known, unknown);
    }

    private async Task<bool> IsPlausibleAsync(Query query, Exercise exercise, ExerciseNameCalibration calibration, CancellationToken cancellationToken)
    {
        if (exercise.IsCustom || !_names.TryGetValue(exercise.Id, out var entries) || entries.Length == 0)
        {
            return false;
        }

        if (query.Equipment.Count > 0 && !query.Equipment.Contains(exercise.Equipment))
        {
            return false;
        }

        if (!query.KnownMovementWords.All(word => entries.Any(entry => entry.Contains(word, StringComparer.Ordinal))))
        {
            return false;
        }

        // The candidate's name (or alias) that leaves the fewest of its movement words unsaid.
        var missing = entries
            .Select(entry => entry.Where(word => IsMovementWord(word) && !query.Tokens.Contains(word)).Distinct().ToArray())
            .MinBy(words => words.Length)!;
        if (missing.Length > 1)
        {
            return false;
        }

        var unexplained = query.UnknownWords.ToList();
        if (missing.Length == 1)
        {
            var standIn = await BestStandInAsync(unexplained, missing[0], cancellationToken);
            if (standIn is null || standIn.Value.Similarity < calibration.MinWordSimilarity)
            {
                return false;
            }

            unexplained.Remove(standIn.Value.Word);
        }

        return unexplained.Count == 0
            || (query.KnownMovementWords.Count >= 2 && MakerLabelledEquipment.Contains(exercise.Equipment));
    }

    private async Task<(string Word, double Similarity)?> BestStandInAsync(List<string> unknownWords, string word, CancellationToken cancellationToken)
    {
        (string Word, double Similarity)? best = null;
        foreach (var unknown in unknownWords.Distinct(StringComparer.Ordinal))
        {
            var similarity = await _vectors.SimilarityAsync(unknown, word, cancellationToken);
            if (similarity is { } value && (best is null || value > best.Value.Similarity))
            {
                best = (unknown, value);
            }
        }

        return best;
    }

    private static bool IsMovementWord(string token) =>
        !MatchVocabulary.EquipmentTokens.ContainsKey(token) && !MatchVocabulary.IsNumber(token)
        && !MatchVocabulary.Fillers.Contains(token) && !MatchVocabulary.Qualifiers.Contains(token);

    /// <summary>
    /// A name as the checks read it: its canonical words, the equipment it (or the request) names, the movement words
    /// the catalog knows, and the words the catalog does not know (a maker's name, slang, a new term).
    /// </summary>
    private sealed record Query(
        FrozenSet<string> Tokens, IReadOnlySet<string> Equipment, IReadOnlySet<string> KnownMovementWords, IReadOnlyList<string> UnknownWords);
}

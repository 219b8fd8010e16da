using FitCoach.Domain.Exercises;
using FitCoach.Infrastructure.Knowledge.Corpus;

namespace FitCoach.Infrastructure.Knowledge.Hybrid;

/// <summary>The texts whose vectors the vector file holds: every corpus document's <see cref="DocumentVectorIndex.DocumentText"/> and every catalog exercise name.</summary>
public static class CorpusVectorTexts
{
    /// <summary>The catalog's exercise names, distinct, in catalog order.</summary>
    public static IReadOnlyList<string> ExerciseNames(IReadOnlyList<Exercise> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Where(e => !e.IsCustom).Select(e => e.Name.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Every text of the shipped corpus and catalog, documents first.</summary>
    public static IReadOnlyList<string> All(KnowledgeCorpus corpus, IReadOnlyList<Exercise> catalog)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return [.. corpus.Documents.Select(DocumentVectorIndex.DocumentText).Concat(ExerciseNames(catalog))];
    }
}

using FitCoach.Domain.Exercises;

namespace FitCoach.Infrastructure.Knowledge.Corpus;

/// <summary>
/// The whole corpus: the hand-written markdown under <c>knowledge/</c> (embedded in this assembly at build time)
/// plus one generated <c>exercises</c> document per catalog exercise. Both the embedded index and the Upstash sync
/// read this, so they always hold the same documents.
/// </summary>
public sealed class KnowledgeCorpus
{
    private const string ResourcePrefix = "knowledge/";

    public KnowledgeCorpus(IEnumerable<KnowledgeDocument> documents)
    {
        Documents = [.. documents];
        var duplicate = Documents.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Knowledge document id '{duplicate.Key}' is used more than once.");
        }
    }

    public IReadOnlyList<KnowledgeDocument> Documents { get; }

    public IEnumerable<string> Namespaces => Documents.Select(d => d.Namespace).Distinct(StringComparer.Ordinal);

    /// <summary>The markdown documents embedded in this assembly, without the generated exercise documents.</summary>
    public static IReadOnlyList<KnowledgeDocument> ReadEmbeddedMarkdown()
    {
        var assembly = typeof(KnowledgeCorpus).Assembly;
        var documents = new List<KnowledgeDocument>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var relative = name[ResourcePrefix.Length..].Replace('\\', '/');
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                continue; // a README at the corpus root, not a document
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            documents.Add(MarkdownDocumentReader.Read(relative[..slash], relative[(slash + 1)..], reader.ReadToEnd()));
        }

        return documents;
    }

    /// <summary>The full corpus: embedded markdown and one generated document per catalog exercise.</summary>
    public static KnowledgeCorpus Load(IReadOnlyList<Exercise> catalog) =>
        new(ReadEmbeddedMarkdown().Concat(CatalogExerciseDocuments.Generate(catalog)));
}

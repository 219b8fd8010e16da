using System.Text.Json;
using System.Text.Json.Serialization;
using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.SemanticLabels;

/// <summary>One labelled example: a text a user might type and the label it means.</summary>
public readonly record struct LabelledExample(string Label, string Text);

/// <summary>
/// The labelled examples of one label set (<see cref="SemanticLabelSets"/>), as shipped in this assembly
/// (<c>SemanticLabels/Examples/&lt;set&gt;.json</c>): every label with at least one example, texts trimmed, no text under
/// two labels. <see cref="Shipped"/> reads them once per process. Compared by reference: the process-wide copy is the
/// key its vectors are shared under.
/// </summary>
public sealed class LabelledExampleSet
{
    private const string ResourcePrefix = "FitCoach.labels.";

    private static readonly Lazy<IReadOnlyList<LabelledExampleSet>> ShippedSets = new(() =>
        [.. SemanticLabelSets.All.Select(LoadEmbedded)]);

    public LabelledExampleSet(string name, IEnumerable<LabelledExample> examples)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(examples);
        Name = name;
        Examples = [.. examples.Select(e => e with { Label = e.Label.Trim(), Text = e.Text.Trim() })];
        if (Examples.Any(e => e.Label.Length == 0 || e.Text.Length == 0))
        {
            throw new InvalidDataException($"Label set '{name}' has an example with a blank label or text.");
        }

        var conflict = Examples.GroupBy(e => e.Text, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Select(e => e.Label).Distinct().Count() > 1);
        if (conflict is not null)
        {
            throw new InvalidDataException($"Label set '{name}' gives '{conflict.Key}' two labels: {string.Join(", ", conflict.Select(e => e.Label).Distinct())}.");
        }

        Labels = [.. Examples.Select(e => e.Label).Distinct(StringComparer.Ordinal)];
        if (Labels.Count == 0)
        {
            throw new InvalidDataException($"Label set '{name}' has no examples.");
        }
    }

    /// <summary>The sets shipped in this assembly, one per <see cref="SemanticLabelSets.All"/>, read once per process.</summary>
    public static IReadOnlyList<LabelledExampleSet> Shipped => ShippedSets.Value;

    public string Name { get; }

    /// <summary>The labels, in the order the file first names them.</summary>
    public IReadOnlyList<string> Labels { get; }

    public IReadOnlyList<LabelledExample> Examples { get; }

    /// <summary>Reads a set in the shipped format: <c>{"labelSet": name, "labels": {label: [text, ...]}}</c>.</summary>
    public static LabelledExampleSet Read(Stream json)
    {
        var file = JsonSerializer.Deserialize(json, LabelledExampleJsonContext.Default.LabelledExampleFile)
            ?? throw new InvalidDataException("A label set file is empty.");
        if (string.IsNullOrWhiteSpace(file.LabelSet) || file.Labels is null)
        {
            throw new InvalidDataException("A label set file needs 'labelSet' and 'labels'.");
        }

        return new LabelledExampleSet(
            file.LabelSet.Trim(),
            file.Labels.SelectMany(label => (label.Value ?? []).Select(text => new LabelledExample(label.Key, text))));
    }

    private static LabelledExampleSet LoadEmbedded(string name)
    {
        using var stream = typeof(LabelledExampleSet).Assembly.GetManifestResourceStream($"{ResourcePrefix}{name}.json")
            ?? throw new InvalidOperationException($"The labelled examples of '{name}' are missing from the build.");
        var set = Read(stream);
        return set.Name == name
            ? set
            : throw new InvalidDataException($"The resource for label set '{name}' says it is '{set.Name}'.");
    }
}

internal sealed record LabelledExampleFile(string? LabelSet, Dictionary<string, List<string>?>? Labels);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LabelledExampleFile))]
internal sealed partial class LabelledExampleJsonContext : JsonSerializerContext;

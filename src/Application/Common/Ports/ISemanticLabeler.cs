namespace FitCoach.Application.Common.Ports;

/// <summary>
/// A semantic signal for short user text: how close a message is, by meaning, to labelled examples of each label of a
/// label set (<see cref="SemanticLabelSets"/>: chat intents, injured body regions). It is a signal for rules to weigh,
/// not a decision: callers combine it with what their rules read from the words.
/// <para>
/// It never makes a request wait for the embedding model and never throws because the model is missing, loading or
/// failing: the answer is then <see cref="LabelRanking.IsAvailable"/> false, at once, and the caller decides on its
/// rules alone. When available, the cost is one embedding of the text (cached for repeats) and a scan of a few hundred
/// example vectors.
/// </para>
/// </summary>
public interface ISemanticLabeler
{
    /// <summary>
    /// Every label of <paramref name="labelSet"/> ranked by how close <paramref name="text"/> is to its examples, best
    /// first, or an unavailable answer (no labels) when there is no signal now. Throws
    /// <see cref="ArgumentException"/> for a label set that is not one of <see cref="SemanticLabelSets.All"/> or a blank
    /// text (callers validate input first).
    /// </summary>
    Task<LabelRanking> RankAsync(string labelSet, string text, CancellationToken cancellationToken);
}

/// <summary>The label sets an <see cref="ISemanticLabeler"/> knows.</summary>
public static class SemanticLabelSets
{
    /// <summary>What a chat message asks for: the intents of <c>POST /api/chat/classify</c>.</summary>
    public const string Intent = "intent";

    /// <summary>Where an injury description says it hurts: the contract's body regions.</summary>
    public const string BodyRegion = "body-region";

    public static readonly IReadOnlyList<string> All = [Intent, BodyRegion];

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="labelSet"/> is one of <see cref="All"/>.</summary>
    public static void ThrowIfUnknown(string labelSet)
    {
        if (!All.Contains(labelSet, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown label set '{labelSet}'; known: {string.Join(", ", All)}.", nameof(labelSet));
        }
    }
}

/// <summary>Why a <see cref="LabelRanking"/> answer has or lacks a signal.</summary>
public enum SemanticSignal
{
    /// <summary>Ranked: the labels are there.</summary>
    Available,

    /// <summary>No embedding model is configured (<c>Embeddings:Provider none</c>); there will be no signal.</summary>
    Off,

    /// <summary>The model is loading or the examples are still being embedded (after startup): there will be one soon.</summary>
    Warming,

    /// <summary>Embedding failed: the model errored or timed out on this text (later calls try again), or the local model failed to load.</summary>
    Failed,
}

/// <summary>
/// A label and its score in [0, 1]: how similar the text is, by meaning, to the label's examples taken together (with
/// the default adapter, the cosine similarity to their centroid, negative counted as 0). Scores of one model and one
/// label set compare; across models they do not. <paramref name="NearestExample"/> is the label's single most similar
/// example, for logs and explanations.
/// </summary>
public sealed record LabelScore(string Label, double Score, string NearestExample);

/// <summary>
/// The answer of <see cref="ISemanticLabeler.RankAsync"/>: when <see cref="Signal"/> is <see cref="SemanticSignal.Available"/>,
/// every label of the set ranked best first; otherwise no labels.
/// </summary>
public sealed record LabelRanking(SemanticSignal Signal, IReadOnlyList<LabelScore> Labels)
{
    public static readonly LabelRanking Off = new(SemanticSignal.Off, []);

    public static readonly LabelRanking Warming = new(SemanticSignal.Warming, []);

    public static readonly LabelRanking Failed = new(SemanticSignal.Failed, []);

    public bool IsAvailable => Signal == SemanticSignal.Available;

    /// <summary>The best label, or null when there is no signal.</summary>
    public LabelScore? Top => Labels.Count > 0 ? Labels[0] : null;

    /// <summary>How far the best label leads the second, in score (0 without a signal): a small lead is a weak signal.</summary>
    public double Margin => Labels.Count switch
    {
        0 => 0,
        1 => Labels[0].Score,
        _ => Labels[0].Score - Labels[1].Score,
    };
}

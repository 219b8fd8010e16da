using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.SemanticLabels;

/// <summary>The semantic signal when no embedding model is configured: always <see cref="SemanticSignal.Off"/>, at once.</summary>
public sealed class NoSemanticLabeler : ISemanticLabeler
{
    public Task<LabelRanking> RankAsync(string labelSet, string text, CancellationToken cancellationToken)
    {
        SemanticLabelSets.ThrowIfUnknown(labelSet);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return Task.FromResult(LabelRanking.Off);
    }
}

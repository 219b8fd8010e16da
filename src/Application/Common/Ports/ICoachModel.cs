namespace FitCoach.Application.Common.Ports;

/// <summary>What a coach model is given: the question, the numbered passages to ground it, the user's facts and the conversation so far.</summary>
public sealed record CoachPrompt(
    string Question,
    IReadOnlyList<KnowledgePassage> Passages,
    IReadOnlyList<string> UserFacts,
    IReadOnlyList<ConversationTurn> History);

/// <summary>
/// The optional language model that writes coach answers (configuration section <c>Model</c>). Without one the
/// offline composer answers from the passages alone.
/// </summary>
public interface ICoachModel
{
    string ModelId { get; }

    /// <summary>False for the null object registered when no model is configured: the offline composer answers.</summary>
    bool IsConfigured { get; }

    /// <summary>The answer text; throws <see cref="Exceptions.DependencyUnavailableException"/> when the model fails or is slow.</summary>
    Task<string> AnswerAsync(CoachPrompt prompt, CancellationToken cancellationToken);
}

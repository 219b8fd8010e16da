using System.Diagnostics;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using MapsterMapper;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Features.Coach.AskCoach;

/// <summary>
/// Writes one answer: retrieves passages for the question (the topic router picks 10–15 namespaces; a follow-up
/// also searches with the previous question), then the model answers from them, or the offline composer does when no
/// model is configured or the model fails. A service the coach's handler injects, not a request of its own.
/// </summary>
public interface ICoachAnswerWriter
{
    /// <summary>The model id answers are written by: the configured model's, else <see cref="CoachAnswerWriter.OfflineModel"/>.</summary>
    string ModelId { get; }

    /// <summary>Retrieves passages for the question (and the previous one, in a follow-up) and writes the answer.</summary>
    Task<CoachAnswer> WriteAsync(
        string question, Common.UserContext.UserContext context, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken);
}

public sealed partial class CoachAnswerWriter(
    KnowledgeRetriever retriever,
    OfflineCoachComposer composer,
    IAppMetrics metrics,
    ILogger<CoachAnswerWriter> logger,
    ICoachModel model,
    IMapper mapper) : ICoachAnswerWriter
{
    public const string OfflineModel = "offline";

    /// <summary>Passages retrieved, given to the writer (numbered [1]–[5]) and listed as the response's sources.</summary>
    public const int PassagesUsed = 5;

    public string ModelId => model.IsConfigured ? model.ModelId : OfflineModel;

    public async Task<CoachAnswer> WriteAsync(
        string question, Common.UserContext.UserContext context, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        var ragQuery = history.LastOrDefault(t => t.Role == ConversationTurn.User) is { } previous ? $"{question} {previous.Content}" : question;
        var retrieved = await retriever.RetrieveAsync(ragQuery, [], PassagesUsed, cancellationToken);

        // The answer's [n] numbers the passages as the response lists them: the best ones, by score.
        var passages = retrieved.Passages.Take(PassagesUsed).ToList();
        var sources = mapper.Map<List<SourceDto>>(passages);
        if (model.IsConfigured)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var text = await model.AnswerAsync(
                    new CoachPrompt(question, passages, context.Facts, history),
                    cancellationToken);
                metrics.ModelCall("coach", model.ModelId, "ok", Stopwatch.GetElapsedTime(started));
                return new CoachAnswer(WithSourceList(text, passages), sources, retrieved.Namespaces, model.ModelId);
            }
            catch (DependencyUnavailableException ex)
            {
                metrics.ModelCall("coach", model.ModelId, "error", Stopwatch.GetElapsedTime(started));
                ModelFailed(ex, model.ModelId);
                var offline = composer.Compose(question, passages, context, history);
                return new CoachAnswer(offline.Text, sources, retrieved.Namespaces, OfflineModel) { Degraded = true };
            }
        }

        var composed = composer.Compose(question, passages, context, history);
        return new CoachAnswer(composed.Text, sources, retrieved.Namespaces, OfflineModel);
    }

    /// <summary>A model answer cites passages as [n]; the numbered list it cites is appended so the text stands alone.</summary>
    private static string WithSourceList(string text, List<KnowledgePassage> passages)
    {
        if (passages.Count == 0)
        {
            return text.Trim();
        }

        var lines = passages.Select((p, i) => $"[{i + 1}] {p.Title}" + (p.References.Count > 0 ? $" — {p.References[0]}" : ""));
        return $"{text.Trim()}\n\nSources:\n{string.Join('\n', lines)}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Coach model {Model} failed; answering offline from the retrieved passages")]
    private partial void ModelFailed(Exception exception, string model);
}

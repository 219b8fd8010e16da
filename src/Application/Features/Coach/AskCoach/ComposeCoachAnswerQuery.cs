using System.Diagnostics;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using MediatR;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Features.Coach.AskCoach;

/// <summary>
/// Writes one answer: the RAG behavior first retrieves passages for the question (the topic router picks 10–15
/// namespaces; a follow-up also searches with the previous question), then the model answers from them, or the
/// offline composer does when no model is configured or the model fails.
/// </summary>
public sealed record ComposeCoachAnswerQuery(
    string Question,
    UserContext.UserContext Context,
    IReadOnlyList<ConversationTurn> History) : IQuery<CoachAnswer>, IRagAware
{
    public string RagQuery =>
        History.LastOrDefault(t => t.Role == ConversationTurn.User) is { } previous ? $"{Question} {previous.Content}" : Question;

    public IReadOnlyList<string> RagNamespaces => [];

    public int RagTopK => ComposeCoachAnswerQueryHandler.PassagesUsed;
}

public sealed class ComposeCoachAnswerQueryHandler(
    RagContext rag,
    OfflineCoachComposer composer,
    IAppMetrics metrics,
    ILogger<ComposeCoachAnswerQueryHandler> logger,
    IEnumerable<ICoachModel> models)
    : IRequestHandler<ComposeCoachAnswerQuery, CoachAnswer>
{
    public const string OfflineModel = "offline";

    /// <summary>Passages retrieved, given to the writer (numbered [1]–[5]) and listed as the response's sources.</summary>
    public const int PassagesUsed = 5;

    private readonly ICoachModel? _model = models.FirstOrDefault();

    public async Task<CoachAnswer> Handle(ComposeCoachAnswerQuery request, CancellationToken cancellationToken)
    {
        // The answer's [n] numbers the passages as the response lists them: the best ones, by score.
        var passages = rag.Passages.Take(PassagesUsed).ToList();
        var sources = passages.Select(SourceDto.From).ToList();
        if (_model is not null)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var text = await _model.AnswerAsync(
                    new CoachPrompt(request.Question, passages, request.Context.Facts, request.History),
                    cancellationToken);
                metrics.ModelCall("coach", _model.ModelId, "ok", Stopwatch.GetElapsedTime(started));
                return new CoachAnswer(WithSourceList(text, passages), sources, rag.SearchedNamespaces, _model.ModelId);
            }
            catch (DependencyUnavailableException ex)
            {
                metrics.ModelCall("coach", _model.ModelId, "error", Stopwatch.GetElapsedTime(started));
                logger.LogWarning(ex, "Coach model {Model} failed; answering offline from the retrieved passages", _model.ModelId);
                var offline = composer.Compose(request.Question, passages, request.Context, request.History);
                return new CoachAnswer(offline.Text, sources, rag.SearchedNamespaces, OfflineModel) { Degraded = true };
            }
        }

        var composed = composer.Compose(request.Question, passages, request.Context, request.History);
        return new CoachAnswer(composed.Text, sources, rag.SearchedNamespaces, OfflineModel);
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
}

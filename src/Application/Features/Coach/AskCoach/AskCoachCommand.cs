using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.UserContext;
using MediatR;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Features.Coach.AskCoach;

/// <summary>
/// <c>POST /api/coach/ask</c>: answers a question from the knowledge base, fitted to the caller's profile and recent
/// training, continuing the conversation when <see cref="ConversationId"/> names one. A first question in a
/// conversation may be answered from the answer cache; a follow-up depends on the turns before it, so it is not.
/// </summary>
public sealed record AskCoachCommand(string UserId, string Question, string? ConversationId) : ICommand<AskCoachResponse>, IRateLimited
{
    public string RateLimitGroup => "coach";
}

public sealed partial class AskCoachCommandHandler(
    ICoachAnswerWriter writer,
    UserContextProvider userContexts,
    IConversationStore conversations,
    CoachAnswerCache answers,
    TimeProvider time,
    ILogger<AskCoachCommandHandler> logger)
    : IRequestHandler<AskCoachCommand, AskCoachResponse>
{
    /// <summary>Turns of history given to the model and used to resolve follow-ups.</summary>
    public const int HistoryTurns = 10;

    public async Task<AskCoachResponse> Handle(AskCoachCommand request, CancellationToken cancellationToken)
    {
        var question = request.Question.Trim();
        var context = await userContexts.GetAsync(request.UserId, cancellationToken);
        var conversationId = request.ConversationId ?? NewConversationId();
        var history = request.ConversationId is null
            ? []
            : await conversations.GetAsync(request.UserId, conversationId, HistoryTurns, cancellationToken);

        CoachAnswer answer;
        var cached = false;
        if (history.Count == 0)
        {
            (answer, cached) = await answers.GetOrComposeAsync(
                question, context, writer.ModelId, ct => writer.WriteAsync(question, context, history, ct), cancellationToken);
        }
        else
        {
            answer = await writer.WriteAsync(question, context, history, cancellationToken);
        }

        var now = time.GetUtcNow();
        try
        {
            await conversations.AppendAsync(
                request.UserId,
                conversationId,
                [new ConversationTurn(ConversationTurn.User, question, now), new ConversationTurn(ConversationTurn.Assistant, answer.Remembered, now)],
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The answer is already made; losing the history only weakens a follow-up, so it does not fail the request.
            HistoryNotStored(ex, conversationId);
        }

        return new AskCoachResponse(answer.Answer, answer.Sources, answer.Namespaces, cached, answer.Model, conversationId);
    }

    private static string NewConversationId() => "c_" + Guid.NewGuid().ToString("N")[..20];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store coach conversation {ConversationId}; the answer is returned without history")]
    private partial void HistoryNotStored(Exception exception, string conversationId);
}

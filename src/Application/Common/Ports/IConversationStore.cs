namespace FitCoach.Application.Common.Ports;

/// <summary>One message of a coach conversation: <c>user</c> or <c>assistant</c>.</summary>
public sealed record ConversationTurn(string Role, string Content, DateTimeOffset At)
{
    public const string User = "user";
    public const string Assistant = "assistant";
}

/// <summary>
/// Coach conversation history per user and conversation id. Conversations expire a day after their last message and
/// keep only their most recent turns, so history can neither grow without bound nor outlive its use.
/// </summary>
public interface IConversationStore
{
    /// <summary>The last <paramref name="maxTurns"/> turns, oldest first; empty for an unknown conversation.</summary>
    Task<IReadOnlyList<ConversationTurn>> GetAsync(string userId, string conversationId, int maxTurns, CancellationToken cancellationToken);

    /// <summary>Appends the turns in order (atomically) and refreshes the conversation's expiry.</summary>
    Task AppendAsync(string userId, string conversationId, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken);
}

public static class ConversationLimits
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Turns kept per conversation; older ones are trimmed on append.</summary>
    public const int KeptTurns = 40;
}

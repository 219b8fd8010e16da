using System.Collections.Concurrent;
using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.InMemory;

/// <summary>Conversation history in this process (no Redis configured): same limits as the Redis store.</summary>
public sealed class InMemoryConversationStore(IClock clock) : IConversationStore
{
    private readonly ConcurrentDictionary<(string User, string Conversation), Conversation> _conversations = new();

    public Task<IReadOnlyList<ConversationTurn>> GetAsync(string userId, string conversationId, int maxTurns, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue((userId, conversationId), out var conversation) || maxTurns <= 0)
        {
            return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
        }

        lock (conversation)
        {
            if (conversation.ExpiresAt <= clock.UtcNow)
            {
                _conversations.TryRemove(new KeyValuePair<(string, string), Conversation>((userId, conversationId), conversation));
                return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
            }

            return Task.FromResult<IReadOnlyList<ConversationTurn>>([.. conversation.Turns.TakeLast(maxTurns)]);
        }
    }

    public Task AppendAsync(string userId, string conversationId, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turns);
        SweepExpired();
        var conversation = _conversations.GetOrAdd((userId, conversationId), _ => new Conversation());
        lock (conversation)
        {
            if (conversation.ExpiresAt <= clock.UtcNow)
            {
                conversation.Turns.Clear();
            }

            conversation.Turns.AddRange(turns);
            if (conversation.Turns.Count > ConversationLimits.KeptTurns)
            {
                conversation.Turns.RemoveRange(0, conversation.Turns.Count - ConversationLimits.KeptTurns);
            }

            conversation.ExpiresAt = clock.UtcNow + ConversationLimits.Lifetime;
        }

        return Task.CompletedTask;
    }

    private void SweepExpired()
    {
        var now = clock.UtcNow;
        foreach (var entry in _conversations)
        {
            if (entry.Value.ExpiresAt <= now && entry.Value.ExpiresAt != default)
            {
                _conversations.TryRemove(entry);
            }
        }
    }

    private sealed class Conversation
    {
        public List<ConversationTurn> Turns { get; } = [];

        public DateTimeOffset ExpiresAt { get; set; } = DateTimeOffset.MaxValue;
    }
}

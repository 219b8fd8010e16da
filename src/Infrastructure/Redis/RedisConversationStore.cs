using System.Text.Json;
using FitCoach.Application.Common.Ports;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// A conversation is a Redis list of JSON turns under the user's hash tag. Appending is one MULTI/EXEC: RPUSH the
/// turns, LTRIM to the kept tail, and PEXPIRE, so two devices appending at once interleave whole turns and the
/// conversation never outlives its lifetime (the TTL @upstash/rag-chat's chat() forgets to set).
/// </summary>
public sealed class RedisConversationStore(IConnectionMultiplexer redis) : IConversationStore
{
    public async Task<IReadOnlyList<ConversationTurn>> GetAsync(string userId, string conversationId, int maxTurns, CancellationToken cancellationToken)
    {
        if (maxTurns <= 0)
        {
            return [];
        }

        var values = await redis.GetDatabase().ListRangeAsync(RedisKeys.Conversation(userId, conversationId), -maxTurns, -1).WaitAsync(cancellationToken);
        var turns = new List<ConversationTurn>(values.Length);
        foreach (var value in values)
        {
            if (JsonSerializer.Deserialize((byte[])value!, StoreJsonContext.Default.ConversationTurn) is { } turn)
            {
                turns.Add(turn);
            }
        }

        return turns;
    }

    public async Task AppendAsync(string userId, string conversationId, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turns);
        if (turns.Count == 0)
        {
            return;
        }

        var key = RedisKeys.Conversation(userId, conversationId);
        var transaction = redis.GetDatabase().CreateTransaction();
        var push = transaction.ListRightPushAsync(key, [.. turns.Select(t => (RedisValue)JsonSerializer.SerializeToUtf8Bytes(t, StoreJsonContext.Default.ConversationTurn))]);
        var trim = transaction.ListTrimAsync(key, -ConversationLimits.KeptTurns, -1);
        var expire = transaction.KeyExpireAsync(key, ConversationLimits.Lifetime);
        if (!await transaction.ExecuteAsync().WaitAsync(cancellationToken))
        {
            throw new RedisException("The conversation append transaction was not executed.");
        }

        await Task.WhenAll(push, trim, expire).WaitAsync(cancellationToken);
    }
}

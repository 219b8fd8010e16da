using System.Collections.Concurrent;
using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.InMemory;

/// <summary>Conversation history in this process (no Redis configured): same limits as the Redis store.</summary>
public sealed class InMemoryConversationStore(TimeProvider time) : IConversationStore
{
    /// <summary>Expired conversations are swept at most this often, not on every append (a sweep is O(conversations)).</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// At most this many conversations are held (every first question opens one); beyond it the ones closest to expiry
    /// are dropped, so memory stays bounded however many questions arrive within a day.
    /// </summary>
    public const int MaxConversations = 50_000;

    /// <summary>One conversation in this many is sampled to find an eviction's cutoff.</summary>
    private const int SampleEvery = 16;

    private readonly ConcurrentDictionary<(string User, string Conversation), Conversation> _conversations = new();
    private readonly Lock _evicting = new();
    private long _nextSweepTicks;
    private int _count;

    public Task<IReadOnlyList<ConversationTurn>> GetAsync(string userId, string conversationId, int maxTurns, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue((userId, conversationId), out var conversation) || maxTurns <= 0)
        {
            return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
        }

        lock (conversation)
        {
            if (conversation.ExpiresAt <= time.GetUtcNow())
            {
                if (_conversations.TryRemove(new KeyValuePair<(string, string), Conversation>((userId, conversationId), conversation)))
                {
                    Interlocked.Decrement(ref _count);
                }

                return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
            }

            return Task.FromResult<IReadOnlyList<ConversationTurn>>([.. conversation.Turns.TakeLast(maxTurns)]);
        }
    }

    public Task AppendAsync(string userId, string conversationId, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turns);
        SweepExpired();
        var conversation = _conversations.GetOrAdd((userId, conversationId), _ =>
        {
            Interlocked.Increment(ref _count);
            return new Conversation();
        });
        if (Volatile.Read(ref _count) > MaxConversations)
        {
            Evict();
        }

        lock (conversation)
        {
            if (conversation.ExpiresAt <= time.GetUtcNow())
            {
                conversation.Turns.Clear();
            }

            conversation.Turns.AddRange(turns);
            if (conversation.Turns.Count > ConversationLimits.KeptTurns)
            {
                conversation.Turns.RemoveRange(0, conversation.Turns.Count - ConversationLimits.KeptTurns);
            }

            conversation.ExpiresAt = time.GetUtcNow() + ConversationLimits.Lifetime;
        }

        return Task.CompletedTask;
    }

    private void SweepExpired()
    {
        var now = time.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return; // swept recently, or another append is sweeping now
        }

        foreach (var entry in _conversations)
        {
            if (entry.Value.ExpiresAt <= now && entry.Value.ExpiresAt != default && _conversations.TryRemove(entry))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    /// <summary>
    /// Drops the tenth of conversations closest to expiry (the least recently used ones). The cutoff is read off a
    /// sorted sample of every <see cref="SampleEvery"/>th conversation (a few thousand values; the tenth it drops is
    /// a tenth give or take a few hundred), so an eviction walks the store twice and allocates kilobytes, instead of
    /// copying and sorting all of it: under load that copy and
    /// sort made two large-object arrays several times a second. One thread evicts at a time and the others do not
    /// wait for it: they append meanwhile, so the store may hold a few more than the bound for the milliseconds an
    /// eviction takes, but no request queues behind it.
    /// </summary>
    private void Evict()
    {
        if (!_evicting.TryEnter())
        {
            return;
        }

        try
        {
            var held = Volatile.Read(ref _count);
            if (held <= MaxConversations)
            {
                return;
            }

            var toDrop = (MaxConversations / 10) + (held - MaxConversations);
            var sample = new List<long>((held / SampleEvery) + 1);
            var seen = 0;
            foreach (var entry in _conversations)
            {
                if (seen++ % SampleEvery == 0)
                {
                    sample.Add(entry.Value.ExpiresAt.UtcTicks);
                }
            }

            if (sample.Count == 0)
            {
                return;
            }

            sample.Sort();
            var cutoff = sample[Math.Min(sample.Count - 1, (int)((long)toDrop * sample.Count / held))];
            // Everything older than the cutoff goes, so no conversation outlives a younger one; of those exactly at the
            // cutoff (many, under a coarse or frozen clock) only as many as the tenth still needs.
            var dropped = 0;
            foreach (var entry in _conversations)
            {
                var expires = entry.Value.ExpiresAt.UtcTicks;
                if ((expires < cutoff || (expires == cutoff && dropped < toDrop)) && _conversations.TryRemove(entry))
                {
                    Interlocked.Decrement(ref _count);
                    dropped++;
                }
            }
        }
        finally
        {
            _evicting.Exit();
        }
    }

    /// <summary>Conversations held now.</summary>
    public int Count => Volatile.Read(ref _count);

    private sealed class Conversation
    {
        public List<ConversationTurn> Turns { get; } = [];

        public DateTimeOffset ExpiresAt { get; set; } = DateTimeOffset.MaxValue;
    }
}

namespace FitCoach.Infrastructure.Embeddings;

/// <summary>
/// A bounded least-recently-used map from text to its embedding. Bounded twice: by entries and by the floats held, so
/// a model with long vectors (3,072 floats is 12 KiB a vector) cannot grow it past its memory budget. Thread-safe;
/// the lock is held for dictionary and list updates only, which are far cheaper than the model call a hit saves.
/// </summary>
public sealed class EmbeddingCache
{
    private readonly int _maxEntries;
    private readonly long _maxFloats;
    private readonly Dictionary<string, LinkedListNode<(string Text, float[] Vector)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, float[] Vector)> _recency = new();
    private readonly Lock _lock = new();
    private long _floats;

    public EmbeddingCache(int maxEntries, long maxFloats)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFloats);
        _maxEntries = maxEntries;
        _maxFloats = maxFloats;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The cached vector (shared: callers must not change it), marking it most recently used.</summary>
    public bool TryGet(string text, out float[] vector)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(text, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                vector = node.Value.Vector;
                return true;
            }
        }

        vector = [];
        return false;
    }

    /// <summary>Adds or replaces the vector for <paramref name="text"/>, evicting the least recently used beyond the bounds.</summary>
    public void Set(string text, float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Length > _maxFloats)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(text, out var existing))
            {
                _recency.Remove(existing);
                _floats -= existing.Value.Vector.Length;
            }

            _entries[text] = _recency.AddFirst((text, vector));
            _floats += vector.Length;
            while (_entries.Count > _maxEntries || _floats > _maxFloats)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Text);
                _floats -= oldest.Value.Vector.Length;
            }
        }
    }
}

namespace FitCoach.Infrastructure.Embeddings;

/// <summary>What every embedder sends its model: the text trimmed and capped.</summary>
internal static class EmbeddingInput
{
    /// <summary>Trimmed and capped at <paramref name="maxChars"/>, without splitting a surrogate pair (an emoji) into invalid text.</summary>
    public static string Prepare(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("Only non-blank text can be embedded.", nameof(text));
        }

        if (trimmed.Length <= maxChars)
        {
            return trimmed;
        }

        var length = char.IsHighSurrogate(trimmed[maxChars - 1]) ? maxChars - 1 : maxChars;
        return trimmed[..length];
    }
}

namespace FitCoach.Application.Features.Exercises.Matching;

/// <summary>Word-level similarity for typos (edit distance) and mishearings (a sound key).</summary>
public static class TokenDistance
{
    /// <summary>
    /// Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), or
    /// <paramref name="max"/> + 1 as soon as it is certain to exceed <paramref name="max"/>.
    /// </summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 512 ? stackalloc int[width * 3] : new int[width * 3];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[width - 1], max + 1);
    }

    /// <summary>
    /// A consonant skeleton of how a word sounds: voiced and unvoiced pairs merge (g/k, d/t, b/p, v/f), soft c and
    /// g follow the vowel after them, vowels drop after the first letter. "girls" and "curls" share one ("krl" once stemmed),
    /// as do "squad" and "squat", "scull" and "skull", "lunch" and "lunge".
    /// </summary>
    public static string SoundKey(string word)
    {
        Span<char> key = word.Length <= 64 ? stackalloc char[word.Length * 2] : new char[word.Length * 2];
        var length = 0;
        var last = '\0';
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            var code = '\0';
            var resetsLast = false;
            switch (c)
            {
                case 'a' or 'e' or 'i' or 'o' or 'u' or 'y':
                    code = i == 0 ? 'a' : '\0';
                    resetsLast = true;
                    break;
                case 'h' or 'w':
                    code = i == 0 ? c : '\0';
                    break;
                case 'b':
                    code = 'p';
                    break;
                case 'p':
                    code = next == 'h' ? 'f' : 'p';
                    i += next == 'h' ? 1 : 0;
                    break;
                case 'f' or 'v':
                    code = 'f';
                    break;
                case 'c':
                    code = next is 'e' or 'i' or 'y' ? 's' : next == 'h' ? 'j' : 'k';
                    i += next is 'h' or 'k' ? 1 : 0;
                    break;
                case 'g':
                    // Hard before "i": "girl" must sound like "curl"; soft before "e" keeps "lunge" with "lunch".
                    code = next is 'e' or 'y' ? 'j' : 'k';
                    break;
                case 'k' or 'q':
                    code = 'k';
                    break;
                case 'j':
                    code = 'j';
                    break;
                case 's':
                    code = next == 'h' ? 'j' : 's';
                    i += next == 'h' ? 1 : 0;
                    break;
                case 'z':
                    code = 's';
                    break;
                case 'x':
                    if (last != 'k')
                    {
                        key[length++] = 'k';
                    }

                    code = 's';
                    last = 'k';
                    break;
                case 'd' or 't':
                    code = 't';
                    i += c == 't' && next == 'h' ? 1 : 0;
                    break;
                case 'l' or 'r':
                    code = c;
                    break;
                case 'm' or 'n':
                    code = 'n';
                    break;
                default:
                    code = char.IsLetter(c) ? c : '\0';
                    break;
            }

            if (code != '\0' && code != last)
            {
                key[length++] = code;
            }

            if (code != '\0' || resetsLast)
            {
                last = code;
            }
        }

        return new string(key[..length]);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace FitCoach.Infrastructure.Knowledge.Corpus;

/// <summary>One section of a document: a <c>##</c> heading (empty for the text before the first) and its text.</summary>
public sealed record KnowledgeSection(string Heading, string Text)
{
    /// <summary>
    /// False for boilerplate shared by many generated documents: it is shown and synced, but not indexed, so it does
    /// not drown the document frequency of common words such as "rest" and "sets".
    /// </summary>
    public bool Indexed { get; init; } = true;
}

/// <summary>
/// A corpus document: front matter (<c>id</c>, <c>title</c>, <c>tags</c>, <c>sources</c>) and a markdown body split
/// into sections. <see cref="ContentHash"/> changes whenever anything searchable or cited changes, which is how the
/// Upstash sync finds what to upsert.
/// </summary>
public sealed record KnowledgeDocument(
    string Namespace,
    string Id,
    string Title,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Sources,
    IReadOnlyList<KnowledgeSection> Sections)
{
    /// <summary>
    /// A prior on the document's scores: 1 for written documents; generated catalog entries are short and name-heavy,
    /// so they rank a little lower than a written document that matches as well.
    /// </summary>
    public float Weight { get; init; } = 1f;

    public string Body => string.Join("\n\n", Sections.Select(s => s.Heading.Length == 0 ? s.Text : $"{s.Heading}\n{s.Text}"));

    public int WordCount => Sections.Sum(s => KnowledgeText.CountWords(s.Heading) + KnowledgeText.CountWords(s.Text));

    public string ContentHash
    {
        get
        {
            var canonical = string.Join('\u001f', [Namespace, Id, Title, string.Join('\u001e', Tags), string.Join('\u001e', Sources), Body]);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..32];
        }
    }
}

public static class KnowledgeText
{
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    /// <summary>Markdown to plain prose: emphasis, links, code ticks and table pipes removed, whitespace collapsed.</summary>
    public static string Plain(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        var lines = markdown.Split('\n');
        List<string> header = [];
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.StartsWith('|') && index + 1 < lines.Length && IsTableSeparator(lines[index + 1].Trim()))
            {
                header = Cells(line); // a table's header row: its cells label the cells of the rows below
                continue;
            }

            if (line.Length == 0)
            {
                sb.Append('\n');
                continue;
            }

            if (line.StartsWith('|'))
            {
                if (IsTableSeparator(line))
                {
                    continue;
                }

                line = TableRow(Cells(line), header);
            }
            else
            {
                header = [];
            }

            line = line.TrimStart('#', ' ');
            if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                line = "• " + line[2..];
            }

            line = line.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
            line = StripLinks(line);
            sb.Append(line).Append('\n');
        }

        return sb.ToString().Trim();
    }

    private static List<string> Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())];

    /// <summary>
    /// A table row as one sentence that reads on its own: the row's label (after its column's heading when the label is
    /// a number: "RPE 9"), then each further cell under its column's heading ("Moderate — %HRR: 40–59; %HRmax: 64–76."),
    /// so a sentence quoted from it still says what its numbers are.
    /// Empty cells are left out; a cell without a heading is given as it is.
    /// </summary>
    private static string TableRow(List<string> cells, List<string> header)
    {
        if (cells.TrueForAll(c => c.Length == 0))
        {
            return "";
        }

        var rest = new List<string>(cells.Count);
        for (var i = 1; i < cells.Count; i++)
        {
            if (cells[i].Length == 0)
            {
                continue;
            }

            var heading = i < header.Count ? header[i].Replace("**", "", StringComparison.Ordinal).Trim() : "";
            rest.Add(heading.Length == 0 ? cells[i] : $"{heading}: {cells[i]}");
        }

        // A row labelled by a number ("| 9 | 1 | ... |" under "| RPE | RIR | ... |") says what the number is.
        var label = cells[0];
        var labelHeading = header.Count > 0 ? header[0].Replace("**", "", StringComparison.Ordinal).Trim() : "";
        if (label.Length > 0 && labelHeading.Length > 0 && (char.IsDigit(label[0]) || "≥≤<>~≈".Contains(label[0], StringComparison.Ordinal)))
        {
            label = $"{labelHeading} {label}";
        }

        return rest.Count == 0 ? label + "." : label.Length == 0 ? string.Join("; ", rest) + "." : $"{label} — {string.Join("; ", rest)}.";
    }

    private static bool IsTableSeparator(string line) =>
        line.StartsWith('|') && line.Replace("|", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)
            .Replace(":", "", StringComparison.Ordinal).Trim().Length == 0;

    private static string StripLinks(string line)
    {
        // [text](url) → text
        var start = line.IndexOf('[', StringComparison.Ordinal);
        while (start >= 0)
        {
            var mid = line.IndexOf("](", start, StringComparison.Ordinal);
            var end = mid < 0 ? -1 : line.IndexOf(')', mid);
            if (mid < 0 || end < 0)
            {
                break;
            }

            line = string.Concat(line.AsSpan(0, start), line.AsSpan(start + 1, mid - start - 1), line.AsSpan(end + 1));
            start = line.IndexOf('[', start);
        }

        return line;
    }
}

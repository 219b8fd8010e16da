namespace FitCoach.Infrastructure.Knowledge.Corpus;

/// <summary>
/// Reads a corpus markdown file: YAML-style front matter between <c>---</c> lines (<c>id</c>, <c>title</c>,
/// <c>tags: [a, b]</c>, and <c>sources:</c> as a list of quoted strings), then the body. The body's <c>#</c> title
/// line is dropped (the title is in the front matter) and the rest is split at <c>##</c> headings.
/// </summary>
public static class MarkdownDocumentReader
{
    public static KnowledgeDocument Read(string knowledgeNamespace, string fileName, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new FormatException($"{knowledgeNamespace}/{fileName}: no front matter (the file must start with ---).");
        }

        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
        {
            throw new FormatException($"{knowledgeNamespace}/{fileName}: front matter is not closed with ---.");
        }

        string? id = null, title = null;
        var tags = new List<string>();
        var sources = new List<string>();
        var inSources = false;
        for (var i = 1; i < close; i++)
        {
            var line = lines[i];
            if (inSources && line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                sources.Add(Unquote(line.TrimStart()[2..]));
                continue;
            }

            inSources = false;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "id":
                    id = Unquote(value);
                    break;
                case "title":
                    title = Unquote(value);
                    break;
                case "tags":
                    tags.AddRange(value.Trim('[', ']').Split(',').Select(t => Unquote(t.Trim())).Where(t => t.Length > 0));
                    break;
                case "sources":
                    inSources = true;
                    if (value.StartsWith('['))
                    {
                        sources.AddRange(value.Trim('[', ']').Split("\",", StringSplitOptions.RemoveEmptyEntries).Select(s => Unquote(s.Trim())));
                        inSources = false;
                    }

                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(title))
        {
            throw new FormatException($"{knowledgeNamespace}/{fileName}: front matter needs id and title.");
        }

        return new KnowledgeDocument(knowledgeNamespace, id, title, tags, sources, Sections(lines.AsSpan(close + 1)));
    }

    private static List<KnowledgeSection> Sections(ReadOnlySpan<string> body)
    {
        var sections = new List<KnowledgeSection>();
        var heading = "";
        var text = new List<string>();
        foreach (var line in body)
        {
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                heading = line.TrimStart('#', ' ').Trim();
                continue;
            }

            text.Add(line);
        }

        Flush();
        return sections;

        void Flush()
        {
            var joined = KnowledgeText.Plain(string.Join('\n', text));
            if (joined.Length > 0)
            {
                sections.Add(new KnowledgeSection(heading, joined));
            }

            text.Clear();
        }
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            value = value[1..^1];
        }

        return value.Replace("\\\"", "\"", StringComparison.Ordinal).Trim();
    }
}

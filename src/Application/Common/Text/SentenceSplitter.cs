namespace FitCoach.Application.Common.Text;

/// <summary>Splits prose into sentences at . ! ? followed by a space and a capital/digit, and at line breaks.</summary>
public static class SentenceSplitter
{
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var start = 0;
            for (var i = 0; i < line.Length - 2; i++)
            {
                if (line[i] is '.' or '!' or '?' && line[i + 1] == ' ' && (char.IsUpper(line[i + 2]) || char.IsDigit(line[i + 2]) || line[i + 2] == '(') && !IsAbbreviation(line, i))
                {
                    sentences.Add(line[start..(i + 1)].Trim());
                    start = i + 2;
                }
            }

            var rest = line[start..].Trim();
            if (rest.Length > 0)
            {
                sentences.Add(rest);
            }
        }

        return sentences;
    }

    private static bool IsAbbreviation(string line, int dot)
    {
        // "et al. 2018", "e.g. Smith", "vs. X", "Dr. Y", single capital initials "J. Smith"
        var wordStart = line.LastIndexOf(' ', dot) + 1;
        var word = line[wordStart..dot];
        return word is "al" or "e.g" or "i.e" or "vs" or "Dr" or "approx" or "cf" or "Fig" or "No" or "St"
            || (word.Length == 1 && char.IsUpper(word[0]));
    }
}
